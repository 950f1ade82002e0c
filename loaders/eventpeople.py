"""Who an event is of, for EventRules: the subject of its verb (a person opening the clause,
the antecedent of a relative pronoun, a group word, a pronoun, the subject a clause leaves
out), the agents of a passive ("founded by X and Y"), partners ("与 X 共同创办"), the
people an event noun is of ("the departures of X and Y") and the objects of a verb
("hired X as CFO")."""
from __future__ import annotations

import re

from loaders.facts import lexicon
from loaders.mentions import Mention


class EventPeople:
    """Mixin of EventRules (over facts.Context: norm, lang, mentions, masked, titles, _in,
    _clause, _conjoined, and the relative clauses' _relative_subject and _in_relative,
    which verb roles read too; and VerbRoles' _clause_opener)."""


    def _subjects(self, sent, clause, m: re.Match[str]) -> list[Mention]:
        co_agents = self._co_agents(clause, m)
        partners = {p.entity.iri for p in co_agents}  # "与 X 共同创办": a partner
        if co_agents and co_agents[0].start < clause[0]:  # "Der 38-Jährige hatte X gemeinsam
            clause = (self._clause(sent, co_agents[0].start)[0], clause[1])  # mit A, B und C
            # gegründet": the list's commas end no clause
        people = [p for p in self._in(clause[0], m.start(), "person")
                  if p.entity.iri not in partners
                  and not self._possessor(p)
                  and not self._is_replaced(p)  # "接替創辦人張忠謀出任董事長": not 張忠謀
                  and not self._coverb_object(p)]
        if people and self.lang == "zh":  # the topic opens the clause: "LeCun应扎克伯格之邀加入"
            return self._conjoined_forward(people)
        antecedent = [] if people and lexicon()["subordinate_subject"].search(
            self.norm, max(clause[0], people[0].start - 30), people[0].start) \
            else self._relative_subject(sent, clause)  # "…, who have led it since Z retired"
        if antecedent:  # "Er war es auch, der nach dem Weggang von Ilya … übernahm": Er
            return antecedent
        if not people and m.group(0).endswith("ing") and lexicon()["fronted_gerund"].match(
                self.norm[sent[0]:m.start()]):
            return self._main_subject(sent, m)
        named = [] if people or self.lang == "zh" else self._named_before_who(sent, clause,
                                                                             m.start())
        if named:  # "X, a longtime executive who retired"
            return named
        if people:
            return self._conjoined(people)
        prior = [p for p in self.mentions if p.end <= clause[0] and p.entity.is_person]
        said = self._reported_from(sent, clause)
        in_sentence = [p for p in prior if p.start >= said and not self._possessor(p)
                       and not self._in_relative(sent, p) and not self._coverb_object(p)]
        n = next((n for n, g in lexicon()["group"]  # "die beiden", "两人", "Alle drei"
                  if g.search(self.norm, clause[0], m.start())), 0)
        group = self._distinct(reversed(prior))[:n]
        if n and len(group) == n:
            return group[::-1]
        if lexicon()["pron"].search(self.norm[clause[0]:m.start()]) and prior:
            return [self._stands_for(sent, clause[0])]
        if self.lang == "zh" and self._org_topic(clause, m):
            return []  # "台积电正式进入雙首長時代": the company is the clause's subject
        opener = [p for p in self._clause_opener(sent, clause[0])
                  if not self._coverb_object(p)] if self.lang == "zh" else []
        if opener:  # "公司副总裁X即将离职，加入Y": X, not the one who announced it
            return opener
        if in_sentence:  # the subject is left out of later clauses (Chinese) or stands earlier
            return in_sentence[:1] if self.lang == "zh" else in_sentence[-3:] \
                if self.lang == "de" else self._conjoined(in_sentence[-3:])
            # "X will retire …, and that Y, who left in 2020, will return": Y alone
        # "他是…教授，2012年又与 X 共同创办了 Coursera"; "In 2019 she co-founded X and left Y":
        # a clause without a subject of its own shares the sentence's pronoun
        shared = self.lang == "zh" or re.match(r"\s*(?:and|und|but|aber|then|dann)\b",
                                               self.norm[clause[0]:m.start()]) \
            or lexicon()["infinitive"].search(self.norm, clause[0], m.end())
        if shared and prior and lexicon()["pron"].search(self.norm[sent[0]:m.start()]):
            return [self._referent(prior, sent[0])]  # no person in the sentence: its topic
        if self.lang == "de" and prior and lexicon()["pron"].match(self.norm, m.end() + 1):
            return [self._stands_for(sent, clause[0])]  # "Danach wechselte er zu Ferrari"
        if self.lang == "de":
            return self._in(m.end(), clause[1], "person")[:1]
        return []

    def _main_subject(self, sent, m: re.Match[str]) -> list[Mention]:
        """"Before co-founding xAI with Musk in 2023, Babuschkin was …": the person opening
        the main clause, right after the fronted clause's comma (a title between)."""
        comma = self.norm.find(",", m.end(), sent[1])
        after = [p for p in self._in(comma, sent[1], "person") if not self._possessor(p)]
        return after[:1] if comma >= 0 and after and after[0].start - comma < 40 else []

    def _coverb_object(self, p: Mention) -> bool:
        """"向执行长库克汇报": a Chinese name after a coverb (向, 对, 跟, 给), its titles
        aside (and a name in parentheses after it: "库克（Tim Cook）"), is the coverb's object,
        not the clause's subject."""
        if self.lang != "zh":
            return False
        start = p.start if self.norm[p.start - 1:p.start] not in ("(", "（") else next(
            (q.start for q in self.mentions if q.entity is p.entity and q.end == p.start - 1),
            p.start)
        before = self.norm[max(0, start - 12):start]
        before = self.titles.sub("", before) if self.titles is not None else before
        return lexicon()["coverb"].search(before) is not None

    def _org_topic(self, clause, m: re.Match[str]) -> bool:
        """An organization opening a Chinese clause before its verb: the clause's subject."""
        orgs = self._in(clause[0], m.start(), "org")
        return bool(orgs) and not self.norm[clause[0]:orgs[0].start].strip()

    def _reported_from(self, sent, clause) -> int:
        """Where the people who may be a clause's left-out subject start in its sentence:
        after the last verb of saying before the clause ("Sam Altman said that X and Y, …,
        were leaving": X and Y, not the speaker; "gab Altman bekannt, dass"), and after a
        colon someone is named after ("hat einen Nachfolger für Y gefunden: X, bisher Chef
        von Z, soll … übernehmen": X).
        In Chinese a clause after "X表示，" leaves out X itself."""
        said = [] if self.lang == "zh" else [
            r.end() for r in lexicon()["told"].finditer(self.norm, sent[0], clause[0])]
        start = said[-1] if said else sent[0]
        colon = max(self.norm.rfind(c, start, clause[0]) for c in ":：") + 1
        return colon if colon and self._in(colon, clause[0], "person") else start

    def _agents(self, clause, m: re.Match[str], etype: str) -> list[Mention]:
        """'由 X 与 Y 共同创立' / 'founded by X and Y' / 'gegründet von X': the agents."""
        return self._named_agents(self._agent_span(clause, m)
                                  if etype in ("Founding", "Dismissal") else None)

    def _told_before(self, m: re.Match[str]) -> bool:
        """'about the departure', 'nach dem Weggang': an event noun after an article, whose
        people do not follow it, is one the article told before."""
        return bool(lexicon()["event_article"].search(self.norm[max(0, m.start() - 8):
                                                               m.start() + 1]))

    def _nominal_holders(self, clause, m: re.Match[str]) -> list[Mention]:
        """'the departures of X and Y', 'der Rücktritt von CTO X': the people an event noun
        is of, right after it."""
        after = self._in(m.end(), clause[1], "person")
        if not after:
            return []
        gap = self.norm[m.end():after[0].start]
        gap = self.titles.sub(" ", gap) if self.titles is not None else gap
        if not lexicon()["event_of"].fullmatch(gap):
            return []
        return self._conjoined_forward(after)

    def _co_agents(self, clause, m: re.Match[str], etype: str = "") -> list[Mention]:
        """'与 X 共同创办', 'together with co-founder X', 'gemeinsam mit A, B und C gegründet'
        (German, the verb last: the whole list, its commas no clause's end); a founding's
        "founded X with Y": they took part as well."""
        out = []
        keys = ("co_agent", "founding_with") if etype == "Founding" else ("co_agent",)
        for marker in (x for k in keys for x in lexicon()[k].finditer(self.norm, *clause)):
            if self.lang == "zh" and marker.start() < m.start():
                following = self._in(marker.end(), m.start(), "person")
                together = re.match(r"\s*[)）]?\s*(?:共同|一起|联合|一同)",
                                    self.norm[following[-1].end:]) if following else None
                gap = self.masked[marker.end():following[0].start] if following else ""
                described = len(gap) <= 30 and self.titles is not None \
                    and self.titles.search(gap) and not re.search(r"[,，。;；]", gap)
                if following and (len(gap) <= 2 or described) and together:
                    out.append(following[0])  # "与时任Y Combinator总裁的萨姆·奥尔特曼共同创立"
            elif self.lang != "zh" and marker.start() > m.start():  # "with X, who …, and Y"
                following = self._in(marker.end(), self.sentence_of(m.start(), clause)[1],
                                     "person")
                if following and following[0].start - marker.end() <= 14:
                    out.extend(self._conjoined_forward(following))
        return out or self._co_agents_before(m) if self.lang == "de" else out

    def _co_agents_before(self, m: re.Match[str]) -> list[Mention]:
        """German 'gemeinsam mit A, B und C gegründet': the list between the marker and the
        verb, the verb right after its last name."""
        sent = self.sentence_of(m.start(), (0, m.start()))
        marker = [*lexicon()["co_agent"].finditer(self.norm, sent[0], m.start())][-1:]
        listed = self._in(marker[0].end(), m.start(), "person") if marker else []
        if not listed or listed[0].start - marker[0].end() > 14:
            return []
        listed = self._conjoined_forward(listed)
        return listed if not re.search(r"[,;]", self.norm[listed[-1].end:m.start()]) else []

    def _objects(self, sent, clause, m: re.Match[str]) -> list[Mention]:
        """The people a verb takes as objects: the first after it, and those joined to it
        in the sentence ("hiring X, the former CEO of Y, as CFO and Z … as CPO"), but not
        one replaced ("names X as CEO, replacing Y")."""
        return [p for p in self._object_people(sent, clause, m) if not self._is_replaced(p)]

    def _object_people(self, sent, clause, m: re.Match[str]) -> list[Mention]:
        after = [p for p in self._in(m.end(), sent[1], "person") if p.start - m.end() <= 40]
        if not after:
            return []
        gap = self.masked[m.end():after[0].start].replace("\0", " ")
        gap = self.titles.sub(" ", gap) if self.titles is not None else gap
        if lexicon()["titled_object"].match(gap):  # "hired its chief executive, X"
            return self._conjoined_forward(after[:1] + self._in(after[0].end, sent[1], "person"))
        if after[0].start >= clause[1] or after[0].start - m.end() > 30:
            return []
        if re.search(r"\b(?:as|als|to|zu|for|für|while|after|because|of)\b|[,，]", gap) \
                or len(gap.split()) > 3:  # "names new head of policy as X": X is not the object
            return []
        return self._conjoined_forward(after[:1] + self._in(after[0].end, sent[1], "person"))
