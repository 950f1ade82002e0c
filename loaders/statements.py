"""Statements: quotes, reported speech and first-person posts, attributed to their speaker."""
from __future__ import annotations

import re

from loaders.facts import APPOSITIVE, Context, Fact, lexicon
from loaders.registry import Entity
from loaders.sentences import SENTENCE_END

_QUOTE_NEXT = re.compile(r"\s*[\"“「]")  # a quote opening right after a name: what is said of it

class StatementRules(Context):
    # ------------------------------------------------------------------ statements
    def statements(self) -> list[Fact]:
        quoted = []
        self._quote_spans = self._quotes()
        previous: tuple[int, Entity] | None = None  # where the last attributed quote ended
        for qs, qe in self._quote_spans:
            speaker, rule = self._speaker(qs, qe)
            between = self.norm[previous[0]:qs] if previous is not None else "\n"
            others = previous is not None and any(
                m.entity.is_person and m.entity is not previous[1]
                for m in self._in(previous[0], qs, "person"))
            opens_sentence = bool(re.search(r"[。.!?！？][」”“\"]?\s*[「“„\"]?$", between))
            if speaker is None and qs - (previous or (0,))[0] <= 160 and "\n" not in between \
                    and not others and opens_sentence:
                speaker, rule = previous[1], "statement-continued-quote"  # '"…," X said. "…"'
            if speaker is not None:
                quoted.append((qs, qe, speaker, rule))
                previous = (qe, speaker)
        reported = [r for r in self._reported()
                    if not any(q[0] - 1 <= r[0] and r[1] <= q[1] + 1 for q in quoted)]
        # A short quote inside a reported sentence is a phrase of it: keep the sentence.
        quoted = [q for q in quoted if not any(r[0] <= q[0] and q[1] <= r[1] and q[1] - q[0] < 12
                                               for r in reported)
                  or (self.speech is not None and self.speech.search(
                      self.masked, max(0, q[0] - 6), q[0]))]
        facts: list[Fact] = []
        taken: list[tuple[int, int]] = []
        for qs, qe, speaker, rule in quoted + reported + self._first_person_blocks():
            if not any(qs < e and s < qe for s, e in taken) and qe - qs >= 4:
                facts.append(self._statement(qs, qe, speaker, rule))
                taken.append((qs, qe))
        return facts

    def _statement(self, qs: int, qe: int, speaker: Entity, rule: str) -> Fact:
        lo = max(0, qs - 120)
        via = [m.entity for m in self.mentions if m.entity.kind == "outlet" and lo <= m.start < qs
               and not SENTENCE_END.search(self.norm, m.end, qs)]
        sent = self.sentence_of(qs, (qs, qe))
        return Fact("statement", min(sent[0], qs), max(sent[1], qe), rule, person=speaker,
                    quote=(qs, qe), via=via[-1] if via else None)

    def _quotes(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for open_, close in lexicon()["quotes"]:
            # A scraped page may lose the closing mark at the end of a paragraph ("…为零?/p>").
            tail = "|$" if open_ in "「„" or (open_ == "“" and self.lang == "zh") else ""
            pattern = re.compile(f"{re.escape(open_)}([^{re.escape(open_ + close)}\n]{{2,800}}?)"
                                 f"(?:[{re.escape(close)}]{tail})", re.M)
            for m in pattern.finditer(self.norm):
                body = m.group(1).strip()
                cjk = len(re.findall(r"[\u3400-\u9fff]", body))
                named = any(x.start == m.start(1) and x.end == m.end(1) for x in self.mentions)
                if (cjk >= 4 or len(body.split()) >= 2 or self._named_as(m.start())) and not named \
                        and not any(s < m.end() and m.start() < e for s, e in spans):
                    spans.append((m.start(1), m.end(1)))
        return sorted(spans)

    def _named_as(self, pos: int) -> bool:
        """A one-word quote that a verb naming what someone is says of its object ("verurteilte
        Altman als „Verrat“", "called it “reckless”"): a statement, not a scare quote or a
        name ("a model called “Sora”": the verb right before the quote)."""
        verb = lexicon()["naming"].search(self.norm, max(0, pos - 30), pos)
        return verb is not None and bool(self.norm[verb.end():pos].strip())

    def _subject(self, start: int, verb: re.Match[str]) -> Entity | None:
        """Who speaks. A name right after the verb ("sagte Schumann", "said Dean") unless the
        verb names what it says of someone ("nannte X „…“"); else the clause's subject before
        it: persons before organizations, the first in Chinese (topic first), the one nearest
        the verb in German and English; a clause opening with "und"/"and" shares the
        sentence's; else, for a pronoun, the first person of the sentence, or the last one
        named before it."""
        vs = verb.start()
        if self.lang != "zh" and not lexicon()["naming"].fullmatch(verb.group(0)):
            inverted = self._named_after(verb)  # not "verurteilte Altman als „Verrat“"
            if inverted is not None:
                return inverted
        clause = self._clause((start, vs), vs)
        cands = [m for m in self.mentions if clause[0] <= m.start and m.end <= vs
                 and m.entity.kind != "outlet"]
        earlier = [m for m in self.mentions if start <= m.start and m.end <= clause[0]
                   and m.entity.is_person]
        shared = self.lang == "zh" or lexicon()["and_then"].match(self.norm, clause[0])
        people = [m for m in cands if m.entity.is_person] or (earlier[:1] if shared else [])
        if people:
            return (people[0] if self.lang == "zh" else people[-1]).entity
        if lexicon()["pron"].search(self.norm[clause[0]:vs]):
            return self._antecedent_person(clause[0], start)
        return cands[0].entity if cands else None

    def _named_after(self, verb: re.Match[str]) -> Entity | None:
        """The person named right after a verb of saying: "sagte Schumann", "said Dean";
        not after a comma ("sagte, Gulden sei …"), nor before a quote ('said Altman "was not
        candid"'): the one spoken of."""
        return next((m.entity for m in self.mentions if m.entity.is_person
                     and verb.end() <= m.start <= verb.end() + 2
                     and not self.norm[verb.end():m.start].strip()
                     and not _QUOTE_NEXT.match(self.norm, m.end)), None)

    def _antecedent_person(self, pos: int, sentence_start: int) -> Entity | None:
        """Who 'he'/'she'/'他' is: the first person of the sentence before `pos`, else the
        referent of the sentences before, outside quotes (a name inside a quote is not the one
        speaking)."""
        spans = getattr(self, "_quote_spans", [])
        prior = [m for m in self.mentions if m.end <= pos and m.entity.is_person
                 and not any(a <= m.start < b for a, b in spans)]
        in_sentence = [m for m in prior if m.start >= sentence_start]
        if in_sentence:
            return in_sentence[0].entity
        found = self._referent(prior, sentence_start)
        return found.entity if found else None

    def _speaker(self, qs: int, qe: int) -> tuple[Entity | None, str]:
        sent = self.sentence_of(qs, (qs, qe))
        start = sent[0]
        verbs = list(self.speech.finditer(self.masked, start, qs)) if self.speech else []
        if verbs:
            speaker = self._subject(start, verbs[-1])
            if speaker is not None:
                return speaker, "statement-speaker-before-quote"
        colon = re.search(r"[:：]\s*[「“„\"]?$", self.norm[sent[0]:qs])
        at = sent[0] + colon.start() if colon else 0
        # "薩姆表達了對伊爾亞的謝意:“…”": the subject of what opens the quote; not after
        # "即:" (namely), which names a thing
        if colon and not lexicon()["namely"].search(self.norm, max(sent[0], at - 12), at):
            opener = [m for m in self._in(sent[0], qs, "person")]
            if opener:
                return opener[0].entity, "statement-speaker-colon"
        end = min(len(self.norm), qe + 40, self._said_by_end(qe))
        cut = re.search(r"[。！？!?\n「“„]", self.norm[qe + 1:end])
        end = qe + 1 + cut.start() if cut else end
        after = [m for m in self.mentions if qe < m.start < end and m.entity.kind != "outlet"]
        after = [m for m in after if m.entity.is_person] or after  # '"…," Nvidia CEO X said'
        if after and self.speech is not None:
            m = after[0]
            verb_after = self.speech.match(self.masked, m.end) or \
                self.speech.match(self.masked, m.end + 1) or self._said_after_title(m)
            verb_before = self.speech.search(self.masked, qe + 1, m.start)
            lead = self.masked[qe + 1:m.start].replace("\0", "")  # organizations aside
            if verb_before:  # '“, schrieb Karpathy', '", said Jeff Dean'
                lead = lead.replace(verb_before.group(0), "", 1)
            if self.titles is not None:  # '"…," Nvidia chief executive Jensen Huang said'
                lead = self.titles.sub("", lead)
            if len(lead.strip(" ,，.:：\"”“」'’s")) <= 6 and (verb_after or verb_before):
                return m.entity, "statement-speaker-after-quote"
        tail = self.norm[qe + 1:end]
        lead = tail.lstrip(" ,，\"”“」’")
        verb = self.speech.match(lead) if self.speech is not None else None
        pron = lexicon()["pron"].match(lead) or (  # '", she said', '“, schrieb er'
            verb and lexicon()["pron"].match(lead[verb.end():].lstrip()))
        if pron and self.speech is not None and self.speech.search(tail, 0, 24):
            speaker = self._antecedent_person(qs, sent[0])  # '"…," she said.'
            if speaker is not None:
                return speaker, "statement-speaker-pronoun-after-quote"
        told = lexicon()["company_anywhere"].match(lead[verb.end():].lstrip() if verb else lead)
        if told and self.speech is not None and self.speech.search(tail, 0, 40):
            speaker = self._company_meant(qs) or self.main_org  # '"…," the company said'
            if speaker is not None:
                return speaker, "statement-speaker-company-after-quote"
        return None, ""

    def _said_by_end(self, qe: int) -> int:
        """Where the sentence naming the speaker of a quote ending at `qe` ends: the
        quote's own ('", sagte er. López war …'), or the next when the quote ends its own
        ('"…!" Musk wrote.')."""
        end = self.sentence_of(qe, (0, len(self.norm)))[1]
        if end <= qe + 2:
            end = next((s[1] for s in self.sents if s[0] > qe), end)
        return end

    def _said_after_title(self, m) -> re.Match[str] | None:
        """'"…," Mellody Hobson, Starbucks' independent chair, said': the verb of saying
        after a title set off by commas right after the name."""
        app = APPOSITIVE.match(self.norm, m.end)
        if app is None or self.titles is None or self.speech is None \
                or not self.titles.search(self.masked, m.end, app.end()):
            return None
        return self.speech.match(self.masked, app.end())

    def _reported(self) -> list[tuple[int, int, Entity, str]]:
        """'X 表示,……。' / 'X sagte, es sei ……' / 'X said that ……': the rest of the sentence.

        Not when the verb attributes a quote before it ('"…," said X'), nor, in German and
        English, unless a colon, a comma or dass/that opens the reported words."""
        out = []
        for sent in self.hit_sentences(lexicon()["reported"]):
            for verb in self.hits(lexicon()["reported"], sent):
                if re.search(r"[」”“\"«»]", self.norm[sent[0]:verb.start()]):
                    break
                tail = self.norm[verb.end():sent[1]]
                inverted = self._named_after(verb) if self.lang != "zh" else None
                colon = re.match(r"[^:：\n]{0,40}[:：]\s*(.*?)[\s。.!?！？」”]*$", tail, re.S)
                if inverted is not None and colon and len(colon.group(1)) >= 6:
                    # "sagte Schumann außerdem: …": the speaker named after the verb
                    qs = verb.end() + colon.start(1)
                    out.append((qs, qs + len(colon.group(1)), inverted,
                                "statement-reported-speech-inverted"))
                    break
                if self.lang != "zh" and not re.match(r"\s*(?:[:,]|dass\b|that\b)", tail):
                    continue
                if not (re.match(r"\s*[:：]", tail) or self._posted(sent, verb.end())
                        or lexicon()["mood"].search(tail)):
                    continue
                speaker = self._subject(sent[0], verb)
                rest = re.match(r"[\s:：,，]*(?:dass\s+|that\s+)?(.*?)[\s。.!?！？」”]*$", tail,
                                re.S)
                if speaker is None or rest is None or len(rest.group(1)) < 6 \
                        or inverted is not None:
                    continue
                qs = verb.end() + rest.start(1)
                out.append((qs, qs + len(rest.group(1)), speaker, "statement-reported-speech"))
                break
        return out

    def _posted(self, sent: tuple[int, int], end: int) -> bool:
        """Whether the words reported up to `end` were posted or written: a post mark in
        the sentence or the one before it, in the same paragraph ("在朋友圈辟谣…。他表示")."""
        para = self.paragraph_start(sent[0])
        before = [s for s in self.sents if para <= s[0] and s[1] <= sent[0]][-1:]
        start = before[0][0] if before else sent[0]
        return lexicon()["post_mark"].search(self.norm, start, end) is not None

    def _first_person_blocks(self) -> list[tuple[int, int, Entity, str]]:
        """Paragraphs in the first person after a post, a statement or a colon are what the
        person of the nearest paragraph that names one posted or said; after a colon the
        next paragraphs (up to four) continue the remarks until one names someone."""
        lex, out = lexicon(), []
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.norm)]
        speaker: Entity | None = None
        colon_left = 0
        for i, (ps, pe) in enumerate(paragraphs):
            text = self.norm[ps:pe].strip()
            first = bool(lex["first"].search(text[:30])) or (
                speaker is not None and bool(lex["first"].search(text)))
            if self._in(ps, ps + 6, "person") or self._in(ps, ps + 6, "org") or (
                    not first and self._in(ps, pe, "person")):
                speaker, colon_left = None, 0  # a paragraph that names someone: narration
                continue
            if speaker is not None and not first and colon_left > 0 and len(text) >= 15:
                first = True
            colon_left -= 1
            if not first:
                speaker, colon_left = None, 0
                continue
            if speaker is None and i:
                window = " ".join(self.norm[a:b] for a, b in paragraphs[max(0, i - 2):i])
                speaker = self._paragraph_subject(paragraphs[:i]) \
                    if lex["post"].search(window) else None
                colon_left = 4 if re.search(r"[:：]\s*$", self.norm[paragraphs[i - 1][0]:
                                                                   paragraphs[i - 1][1]]) else 0
            if speaker is not None:
                out.append((ps + len(self.norm[ps:pe]) - len(self.norm[ps:pe].lstrip()),
                            pe, speaker, "statement-first-person-post"))
        return out

    def _paragraph_subject(self, before: list[tuple[int, int]]) -> Entity | None:
        """The first person named in the nearest paragraph (of the last five) naming one;
        with none, whom a pronoun of the last two stands for ("Später leitete er …")."""
        for ps, pe in reversed(before[-5:]):
            people = self._in(ps, pe, "person")
            if people:
                return people[0].entity
        pron = [ps for ps, pe in before[-2:] if lexicon()["pron"].search(self.norm, ps, pe)]
        return self._antecedent_person(pron[-1], pron[-1]) if pron else None
