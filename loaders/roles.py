"""Roles: who holds which title in which organization, as an article states it (the
roles a verb gives are in verbroles.py)."""
from __future__ import annotations

import re

from loaders.facts import COPULA_RULES, NAMED_AFTER, Fact, lexicon
from loaders.holders import HolderChecks
from loaders.mentions import Mention
from loaders.registry import Entity
from loaders.verbroles import VerbRoles

_QUOTE_OPENS = re.compile(r"\s*[“„\"「]")  # after a colon: what is said, not a list


class RoleRules(HolderChecks, VerbRoles):
    # ------------------------------------------------------------------ roles
    def roles(self) -> list[Fact]:
        if self.titles is None:
            return []
        facts: list[Fact] = []
        lex = lexicon()
        for sent in self.hit_sentences(self.titles, lex["investing"], lex["board"],
                                       self.role_verbs):
            chains: list[list[re.Match[str]]] = []
            for t in self.hits(self.titles, sent):
                if chains and self._listed_with(chains[-1][-1], t):
                    chains[-1].append(t)
                else:
                    chains.append([t])
            for chain in chains:
                facts += self._chain_roles(sent, chain)
            facts += self._investors(sent)
            facts += self._board_seats(sent)
            facts += self._verb_roles(sent)
        return facts

    def _chain_roles(self, sent: tuple[int, int], chain: list[re.Match[str]]) -> list[Fact]:
        lex = lexicon()
        first, last = chain[0], chain[-1]
        addressed = lex["addressee"].search(  # "对记者表示", "told reporters": whom it was
            self.norm, max(sent[0], first.start() - 6), first.start())  # said to, unless a
        # name follows the title ("report to chief executive Satya Nadella": his)
        org_run = self._org_run_before(first.start(), sent)
        anchor = org_run[0].start if org_run else first.start()
        org_run = self._run_holders(org_run)
        org = org_run[-1].entity if org_run else None
        cop = lex["copula"].search(self.norm, max(sent[0], anchor - 6), anchor)
        if org is None and cop is not None:  # "目前在纽约大学担任助教的谢赛宁", "bei X als Chef"
            org = self._org_before(cop.start(), sent)
        agent = lex["agent"].search(self.norm, max(sent[0], anchor - 6), anchor)
        if org is None and agent is not None:  # "Google DeepMind wird von CEO Demis Hassabis
            clause = self._clause(sent, agent.start())  # geleitet": the subject's title
            subject = self._in(clause[0], agent.start(), "org")
            org = subject[-1].entity if subject else None
        found = self._holder(sent, first, last, anchor)
        if found is None or (addressed and found[1] not in NAMED_AFTER):
            return []
        people, rule, org_override = found
        keys = [self.terms["roles"].lookup(self.lang, t.group(0)) for t in chain]
        team = all(k in lex["team"] for k in keys if k)
        if org is None and org_override is None and rule == "role-title-before-name" \
                and lex["name_org_prep"].match(self.norm, people[0].end):
            org_override = self._org_after(people[0].end, sent)  # "Analyst X von dem Y-Institut"
        org = org_override or org
        after = self._org_after(last.end(), sent) if org is None else None
        org = org or after \
            or (self._its_org(sent, first.start()) or self._apposition_org(people[-1], anchor)
                if rule in COPULA_RULES else None) \
            or self._nearest_org(sent, first.start(), team=team)  # "X, CEO of Y, will
        # become its chairman": its is the subject's, not the apposition's
        joined = self._joined_orgs(after, last.end(), sent) if after is not None else []
        between = self.norm[anchor:first.start()].replace("\0", "")
        former = bool(lex["former"].search(self.norm[max(sent[0], anchor - 24):anchor])) or \
            bool(lex["former"].search(between) or lex["former_field"].search(between))
        if former and lex["outgoing"].search(self.norm, max(sent[0], anchor - 24), first.start()) \
                and lex["holding_now"].search(self.norm, people[-1].end, people[-1].end + 12):
            former = False  # "Der bisherige Finanzvorstand X bleibt im Amt": still held
        out = []
        for i, t in enumerate(chain):
            if i + 1 < len(chain) and chain[i + 1].start() == t.end() \
                    and lex["assisting"].fullmatch(chain[i + 1].group(0)):
                continue  # "首席执行官顾问": the chief executive's adviser
            if i and lex["former"].search(self.norm, chain[i - 1].end(), t.start()):
                former = True  # "搜狗创始人、前CEO王小川": the CEO post is past
            key = self.terms["roles"].lookup(self.lang, t.group(0))
            if key == "head" and len({p.entity.iri for p in people}) > 1 \
                    and rule != "role-title-before-names":  # "研究负责人 A 与 B": each a head
                key = "co-lead"  # "Ilya 与 Jan 是超级对齐团队的领导者", "die beiden Leiter"
            own = self._run_holders(self._org_run_before(t.start(), sent)) \
                if t is not first else org_run
            for target in ([o.entity for o in own] if own else [org] + joined):
                if key and target is not None and key not in lex["team"]:
                    target = self._company(target)
                for person in people:
                    if key:
                        out.append(Fact("role", sent[0], sent[1], rule, person=person.entity,
                                        org=target, role=key, former=former, at=person.start,
                                        title_at=t.start(), chain_at=first.start()))
        same = self._same_team(sent, anchor)  # "他和同团队另一位研究员 X": X is a member too
        return out + [Fact("role", sent[0], sent[1], "role-same-team", person=p.entity,
                           org=same, role="member", at=p.start)
                      for p in people if same is not None]

    def _joined_orgs(self, org: Entity, end: int, sent: tuple[int, int]) -> list[Entity]:
        """'chief executive of eBay and ServiceNow': the organizations joined to the one
        after a title (ending at `end`), as names are (`_conjoined_forward`), when a
        conjunction ends the list (extract.toml `list_end`; not "CEO of X, Y said")."""
        after = self._in(end, sent[1], "org")
        first = next((i for i, o in enumerate(after) if o.entity is org), None)
        joined = self._conjoined_forward(after[first:]) if first is not None else []
        ends = len(joined) > 1 and lexicon()["list_end"].search(
            self._gap(joined[-2].end, joined[-1].start))
        return [o.entity for o in joined[1:]] if ends else []

    def _same_team(self, sent: tuple[int, int], anchor: int) -> Entity | None:
        """'同团队另一位研究员', 'from the same team': the team named last before the title,
        in its paragraph."""
        if not lexicon()["same_team"].search(self.norm, max(sent[0], anchor - 12), anchor):
            return None
        teams = [m for m in self._in(self.paragraph_start(sent[0]), anchor, "org")
                 if m.entity.kind == "team"]
        return teams[-1].entity if teams else None

    def _plural_title(self, title: re.Match[str]) -> bool:
        """A title that may stand for several people: any in Chinese (no plural marking),
        a plural noun in English ('researchers'); German plurals look singular, so not there."""
        return self.lang == "zh" or (self.lang == "en" and title.group(0).endswith("s"))

    def _sharing(self, after: list) -> list:
        """The first name after a title and the names joined to it by a bare conjunction,
        a name in brackets after each ('Bill Peebles(比尔·皮布尔斯)与 Tim Brooks'); a name
        with a title of its own ('与系统主管 Connor Holmes') stops the run."""
        chosen, end = [after[0]], after[0].end
        for p in after[1:]:
            if self._bracketed_again(chosen[-1], end, p):
                end = p.end  # the same person's name in the other script, in brackets
                continue
            gap = re.sub(r"[(（][^)）]*[)）]", "", self._gap(end, p.start))
            if not re.fullmatch(r"\s*[)）]?\s*(?:and|和|与|及|以及)\s*", gap):
                break
            chosen.append(p)
            end = p.end
        return chosen[:4]

    def _counted(self, sent: tuple[int, int], first: re.Match[str], last: re.Match[str]
                 ) -> list[Mention]:
        """A title after a number ("die drei Mitgründer"): the first that many people named
        after it in the sentence, or in the paragraph when a colon follows the title there;
        none unless there are that many."""
        n = next((n for n, p in lexicon()["groups"]
                  if p.search(self.norm, max(0, first.start() - 12), first.start())), 0)
        if not n:
            return []
        end = sent[1]
        if re.search(r"[:：]", self.norm[last.end():sent[1]]):
            para_end = self.norm.find("\n", last.end())
            end = para_end if para_end >= 0 else len(self.norm)
        named = self._distinct(self._in(last.end(), end, "person"))
        return named[:n] if len(named) >= n else []

    def _holder(self, sent, first, last, anchor):
        """Who holds the titles of a chain: (people, rule id, organization if the rule says)."""
        lex = lexicon()
        people = self._in(*sent, kind="person")
        agent = lex["agent"].search(self.norm, max(sent[0], anchor - 30), anchor) \
            if self.lang == "zh" else None
        if agent is not None:  # "这一项目由伊尔亚与同事简·莱克共同领导"
            agents = [p for p in people if agent.end() <= p.start and p.end <= anchor]
            if not agents and lex["pron"].match(self.norm, agent.end()):  # "由他担任执行长",
                held = self._stands_for(sent, agent.end())  # in a quote too: whom 他 stands
                agents = [held] if held else []  # for, not the speaker
            # not when a title stands between: "由A接任董事长、B出任总裁" (B's is B's)
            if agents and not re.search(r"[,，;；]", self.norm[agent.end():anchor]) \
                    and not self.titles.search(self.masked, agent.end(), anchor):
                return self._conjoined_forward(agents), "role-agent", None
        after = [p for p in people if p.start >= last.end()]
        counted = self._counted(sent, first, last)
        if counted:  # "die beiden Leiter des Teams – A und B", "Die drei Mitgründer …: A, B, C"
            return counted, "role-title-counted", None
        if after and lex["name_gap"].match(self._gap(last.end(), after[0].start)) \
                and not self._verb_object(sent, first, last, after[0]) \
                and not self._the_body(first):
            if self._plural_title(last):  # "研究负责人 A 与 B", "researchers A and B"
                return self._sharing(after), "role-title-before-names", None
            return [after[0]], "role-title-before-name", None
        if after and re.fullmatch(r"\s*[,，]\s*", self._gap(last.end(), after[0].start)) \
                and self._owned_title(sent, first, anchor) \
                and re.match(r"\s*(?:[,，.;]|$)", self.norm[after[0].end:]):
            return [after[0]], "role-title-comma-name", None  # "its chief executive, X, who"
        if after and re.fullmatch(r"\s*(?:by|von)\s*", self.masked[last.end():after[0].start]):
            return [after[0]], "role-title-by-name", None  # "to be led by Alexandr Wang"
        if after and lex["title_org_comma"].fullmatch(self.masked, last.end(), after[0].start) \
                and re.match(r"\s*[,，]", self.norm[after[0].end:]):  # the apposition closes
            org = self._in(last.end(), after[0].start, "org")  # "General Counsel von X, Name,"
            return [after[0]], "role-title-org-name", org[0].entity if org else None
        verb_org = self._in(last.end(), sent[1], "org")
        if after and verb_org and verb_org[0].start - last.end() <= 4 \
                and verb_org[0].end <= after[0].start \
                and lex["name_gap"].match(self._gap(verb_org[0].end, after[0].start)):
            return [after[0]], "role-title-org-name", verb_org[0].entity
        if after and self._inverted_copula(last.end(), after[0].start):
            org = self._in(last.end(), after[0].start, "org")  # "Neuer Vorstandsvorsitzender
            return [after[0]], "role-title-copula-name", org[0].entity if org else None
        before = [p for p in people if p.end <= anchor]
        if before and lex["appo"].match(self._gap(before[-1].end, anchor)):
            # after names joined by "und", a German title in -er is as plural as singular:
            # "Dario Amodei und Daniela Amodei, Gründer von Anthropic"
            if self._plural_title(first) or (self.lang == "de"  # not "Chefin der"
                                             and first.group(0).split()[0].endswith("er")):
                return self._conjoined(before), "role-apposition", None
            return [before[-1]], "role-apposition", None
        appointed = self._appointed(sent, before[-1], anchor) if before else None
        if appointed is not None:
            return [before[-1]], "role-appointed-title", appointed
        reach = max(sent[0], anchor - (12 if self.lang == "zh" else 60))
        cop = lex["copula"].search(self.norm, reach, anchor) or (  # "出任基础研究负责人"
            lex["copula_field"].search(self.norm, reach, anchor) if self.lang == "zh" else None)
        limit = 8 if self.lang == "zh" else 24  # "Weil most recently served as"
        verb = {p.start: self._replacing_at(p.start) for p in people}  # of the one replaced:
        replaced = [p for p in before if verb[p.start] >= 0]  # "接替张忠谋出任董事长": not his;
        before = [p for p in before if verb[p.start] < 0]  # "X would replace Y as": X's
        upto = cop.start() if cop else 0
        if cop and replaced and replaced[-1].end < upto and lex["subject_relative"].match(
                self.norm[replaced[-1].end:upto]):  # "X replaces Y, who will remain chairman":
            return None  # Y's, with no company told; not X's
        if replaced and before and replaced[-1].start > before[-1].end:
            upto = verb[replaced[-1].start]  # the gap is "X would"
        gap = self._dated_gap(self.norm, before[-1].end, upto) if cop and before \
            and upto >= before[-1].end else "\0"  # \0: none
        for o in self._in(before[-1].end, upto, "org") if self.lang == "zh" and before else []:
            gap = gap.replace(self.norm[o.start:o.end], "X")  # "曾在A和B担任": a name, a word
        # "X, the former CEO of Y, as"
        if "\0" not in gap and self._copula_gap(gap, limit, before[-1].start):
            rule = "role-becoming" if lex["becoming"].match(self.norm, cop.start()) \
                else "role-copula"  # "X wird Vorstandsvorsitzender": taken (a RoleChange)
            return self._conjoined(before), rule, None
        if cop and self.lang == "zh" and not [
                p for p in self._in(self._clause(sent, cop.start())[0], cop.start(), "person")
                if verb[p.start] < 0]:
            subject = [p for p in people if p.end <= cop.start() and verb[p.start] < 0]
            hired = subject and self.objects is not None and self.objects.search(
                self.masked, self._clause(sent, subject[-1].start)[0], subject[-1].start)
            joined = hired and self._trigger_between(subject[-1].end, cop.start(), "Joining") \
                or subject and self._appointee(sent, subject[-1])  # "推选X出任…，并兼任"
            # "延揽 X 加入，出任…": X; "他…与 X 共同创办了 Y，至今仍担任 Y 董事长", "LeCun应
            # 马克·祖克柏之邀加入…，并担任创始主任": not X
            subject = subject[-1:] if joined else self._clause_opener(sent, cop.start()) or \
                (self._pronoun_subject(sent, subject[0].start) if subject else []) or subject[:1]
            if subject:  # "杨震原…将加入阿里巴巴担任首席技术官": the sentence's subject
                return subject, "role-copula-subject", self._org_before(cop.start(), sent)
        inverted = None if cop else lex["copula_inverted"].search(  # "…, war er Vizepräsident"
            self.norm, max(sent[0], anchor - 40), anchor)
        said = cop.start() if cop else inverted.start() if inverted else 0
        pron = lex["pron"].search(self.norm, max(sent[0], cop.start() - 24), cop.start()) \
            if cop else inverted
        if pron and not re.search(r"[,，;；:：]", self.norm[pron.end():said]):
            held = self._stands_for(sent, pron.start())
            where = lex["where"].search(self.norm, sent[0], pron.start())
            place = self._in(sent[0], where.start(), "org")[-1:] if where else []
            if held is not None:  # "Before that she was CFO of Square", "He previously was …"
                return [held], "role-copula-pronoun", place[0].entity if place else None
        as_mark = lex["as"].search(self.norm, max(sent[0], anchor - 6), anchor)
        if as_mark and after and re.fullmatch(r"[^,，]{0,14}[,，]\s*",
                                              self._gap(last.end(), after[0].start)):
            return [after[0]], "role-as-title", None
        enum = lex["enum"].search(self.norm, last.end(), min(sent[1], last.end() + 24))
        if enum and not _QUOTE_OPENS.match(self.norm, enum.end()):  # "表示:“…”": a quote
            listed = [p for p in after if p.start >= enum.end()]
            if listed:
                return listed[:10], "role-title-list", None
        if verb_org and verb_org[0].start - last.end() <= 3:
            clause = self._clause(sent, first.start())
            cands = [p for p in before if p.start >= clause[0]
                     and len(self._gap(p.end, first.start())) <= 12]
            if cands:
                return [cands[-1]], "role-verb", verb_org[0].entity
        return None

    def _owned_title(self, sent, first: re.Match[str], anchor: int) -> bool:
        """A possessive before the title ("its", "OpenAI's"), or an article before the
        organization written right before it ("An OpenAI spokeswoman")."""
        lex = lexicon()
        return bool(lex["title_owner"].search(self.norm, max(sent[0], first.start() - 16),
                                              first.start())
                    or anchor < first.start() and lex["title_owner_article"].search(
                        self.norm, max(sent[0], anchor - 5), anchor))


def narrowest(roles: list[Fact]) -> list[Fact]:
    """Drop a role that a narrower one of the same person in the same organization implies
    ('研究负责人 A' and '核心成员 A' of one team: A is its head); a role only a verb gives
    also yields to the narrower ones of implied_verb_roles."""
    held = {(f.person.iri, f.org.iri if f.org else "", f.role) for f in roles}
    titled = {(f.person.iri, org) for f in roles if not f.rule.startswith("role-verb")
              for org in (f.org.iri if f.org else "", f.org.unit_of if f.org else None) if org}
    lex = lexicon()

    def implied(f: Fact) -> bool:
        narrower = [*lex["implied"].get(f.role, ())]
        where = (f.person.iri, f.org.iri if f.org else "")
        if f.rule.startswith("role-verb"):
            narrower += lex["implied_verb"].get(f.role, ())
            if "*" in narrower and where in titled:
                return True
        return any((*where, n) in held for n in narrower)

    return [f for f in roles if not implied(f)]
