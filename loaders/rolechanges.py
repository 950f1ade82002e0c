"""Changes of role: who took which title where ("took over as interim CEO", "任命…担任",
"She succeeds X, Quillon's CTO"), and moves with no title ("Er wurde … versetzt")."""
from __future__ import annotations

import re

from loaders.facts import COPULA_RULES, NAMED_AFTER, Fact, lexicon
from loaders.registry import Entity
from loaders.successions import SuccessionRules

_COMMA = re.compile(r"\s*[，,]\s*")

TITLED = "event-title-rolechange"  # a RoleChange told with a title


class RoleChangeRules(SuccessionRules):
    """Mixin of EventRules (it calls `_subjects`, the subjects of a trigger's clause)."""

    def _role_change(self, sent, clause, m, etype, date, roles: list[Fact]) -> list[Fact]:
        """Who changed role, where, to what: each (person, org, role, rule) of `_changes`;
        not a post added beside one the name is titled with already ("推选总裁X出任董事长，
        并兼任总裁": 总裁 kept)."""
        kept = {(r.person.iri, r.role, r.org and r.org.iri) for r in roles if r.start == sent[0]
                and r.person is not None and r.at < m.start() and r.title_at < r.at} \
            if lexicon()["adding_post"].fullmatch(m.group(0)) else set()
        return [Fact("event", sent[0], sent[1], rule, person=person, org=org, type=etype,
                     date=date, role=role)
                for person, org, role, rule in self._changes(sent, clause, m, roles)
                if (person.iri, role, org and org.iri) not in kept]

    def _changes(self, sent, clause, m, roles: list[Fact]) -> list[tuple]:
        """A title written after the trigger is the new role ("took over as interim CEO",
        "任命…担任临时首席执行官"), or before a German one ("die Position des Interims-CEO
        übernehmen"); who replaces someone takes their role; else the title of the person
        beside the trigger; a move with no title leaves the post the article gave. A post
        held now ("目前在纽约大学担任助教的X") is no change."""
        now = lexicon()["holding_now"].search(self.norm, clause[0], m.start())
        if now and not self._now_of_title(now.end(), m.start()):
            return []
        if lexicon()["former"].search(self.norm, max(clause[0], m.start() - 20), m.end()):
            return []  # "曾担任", "曾在星海科技担任": a post held once, no change told
        replacing = self._replacing_verb(clause, m) and not self._post_after(m)
        replaced = self._replaced(sent, clause, m, roles) if replacing else []
        if replaced:  # "He succeeds X, Quillon's CTO": X's title; "接任集团首席执行官", "would
            return replaced  # replace X as its chief executive": the title after
        in_sentence = [r for r in roles if r.start == sent[0] and r.person is not None
                       and not r.former  # "出任CEO，其胞妹、OpenAI前副总裁X": X's is past
                       and self._replacing_at(r.at) < 0  # "接替創辦人張忠謀出任董事長"
                       and not self._held_elsewhere(clause, m, r)
                       and not self._reported_to(r.at)]  # "report to chief executive X"
        handed = self._handed_over(sent, clause, m, in_sentence) \
            or self._post_given(sent, clause, m)
        if handed:
            return handed
        given = self._handed_to(sent, clause, m, in_sentence)
        if given is not None:  # "handing control to Google chief executive X": no post given,
            return given  # and X's own title is not one taken
        chained = [r for r in _chained(in_sentence, m.end())  # not a title a later clause
                   if not lexicon()["holding_now"].search(self.norm, clause[1], r.title_at)]
        # keeps ("…，并续任Y董事长"); "推选执行长X出任董事长": 执行长 is held, 董事长
        new = [r for r in chained if not self._taken_by_another(m, r)]  # 出任's to tell
        titles = self._titles_after(sent, clause, m)
        if replacing:  # "Seine Nachfolge als Finanzchef tritt X an": no one named replaced,
            titles = [t for t in titles if lexicon()["as"].search(  # the title "as" is taken;
                self.norm, max(m.end(), t.start() - 6), t.start())]  # not "replaces co-founder X"
        unnamed = [t for t in titles  # not the title of a name right after it
                   if not self._mention_at(t.end() + self.norm.startswith(" ", t.end()), "person")]
        new = [r for r in new if not (r.rule == "role-title-before-name" and r.at > m.end()
                                      and any(t.start() > r.at for t in unnamed))]
        # "übernimmt Finanzvorstand X den Vorstandsvorsitz": the title after the name is taken
        if new or replacing and not titles:
            return [(r.person, r.org, r.role, TITLED) for r in new
                    if not _held_before(r, chained)]
        titles = unnamed or titles
        # "推选执行长X出任董事长": the title before the name is held, the one after taken
        if titles and lexicon()["post_by_agent"].match(self.norm, titles[0].end()):
            return []  # "新任总经理则由X升任": the verb after gives the post (_post_given)
        subject = _nearest_holder([r for r in in_sentence if r.at < m.start()], clause)
        written = self.hits(self.titles, sent)
        # "X, Scale's strategy chief, took over as interim CEO"; with no title of its own,
        # the person before the new one: "übernimmt Michael Leiters den Vorstandsvorsitz"
        # "他…，2018年接替創辦人張忠謀出任董事長": the one replaced is not, the clause's subject is
        holder = [(r.person, r.org) for r in subject[:1]] or [
            (p.entity, None) for p in self._in(clause[0], titles[0].start(), "person")[-1:]
            if not self._is_replaced(p)] or [
            (p.entity, None) for p in self._subjects(sent, clause, m)[:1]] if titles else []
        if holder:
            named = [o for o in self._in(m.end(), titles[0].start(), "org")
                     if not self._titles_name(o, titles[0].start())] or \
                self._in(titles[0].end(), titles[0].end() + 6, "org")  # "den Vorsitz bei X"
            meant = self._anaphor_meant(m.end(), titles[0].start())  # "并担任该公司董事长"
            orgs = [o.entity for o in self._conjoined_forward(named)] if named else \
                [meant or self._org_before(m.start(), sent) or holder[0][1]
                 or self._opened(*sent) or self.main_org]  # "英特爾宣布，任命X為
            # 執行長": 英特爾, whatever company the article names most
            named_last = max([m.end()] + [p.end for p in self._in(m.end(), titles[0].start(),
                                                                   "person")])
            if named or titles[0].start() - named_last <= 30:  # "将转任X与Y两个单位的首席科学家"
                return [(holder[0][0], org, self._role_key(titles[0]), TITLED) for org in orgs]
        taken = [t for t in written if t.end() <= m.start() and self._office_taken(sent, t, m)]
        holder = [(r.person, r.org) for r in subject[:1]  # the subject before the office, not
                  if not taken[-1].end() <= r.at < m.start()] or [  # "von X übernommen"
            (p.entity, None) for p in self._subjects(sent, clause, taken[-1])[:1]] if taken else []
        if holder:  # "X wird die Position des Interims-CEO übernehmen"
            named = self._in(taken[-1].end(), m.start(), "org")[:1]
            org = named[0].entity if named else holder[0][1] or self._org_before(
                taken[-1].start(), sent) or self.main_org
            return [(holder[0][0], org, self._role_key(taken[-1]), TITLED)]
        near = [r for r in in_sentence if self._beside(r, clause, m) and not (  # "任命首席
            0 <= r.title_at < r.at and lexicon()["adding_post"].search(  # 运营官范敏兼任
                self.norm, r.at, clause[1]))]  # 副董事长": the title before the name is kept
        if not near and lexicon()["moved"].fullmatch(m.group(0)):  # "Er wurde … versetzt"
            return [(p.entity, self._role_org(p.entity, roles) or self.main_org, None,
                     "event-moved") for p in self._subjects(sent, clause, m)]
        led = self._led_taken(clause, m) if not near else None
        if led is not None:  # "der … das Super Alignment-Team übernahm": heads it now
            return [(p.entity, led[0], "head", led[1]) for p in self._subjects(sent, clause, m)]
        return [(r.person, r.org, r.role, TITLED) for r in near[:1]]

    def _office_taken(self, sent, t: re.Match[str], m: re.Match[str]) -> bool:
        """A title as the office a verb after it takes: "die Position des Interims-CEO
        übernehmen"; "hatte den Vorsitz des Vorstands der BASF von Kurt Bock übernommen"."""
        if not self.norm[t.end():m.start()].strip() \
                and lexicon()["office_of"].search(self.norm, sent[0], t.start()):
            return True  # "den Vorsitz des Vorstands übernehmen": an object before the verb
        return self.lang == "de" and bool(lexicon()["taking_over"].fullmatch(m.group(0))) \
            and bool(lexicon()["office_object_de"].search(self.norm, sent[0], t.start())) \
            and bool(lexicon()["office_gap_de"].fullmatch(self.masked, t.end(), m.start()))

    def _beside(self, r: Fact, clause, m: re.Match[str]) -> bool:
        """A role told beside the verb: its holder named in the verb's clause, near it; in
        German, which ends the clause with its verb, its title right before the verb ("X,
        Mitgründer von Y, wurde 2019 zur Finanzchefin ernannt")."""
        if clause[0] <= r.at < clause[1] and abs(r.at - m.start()) <= 40:
            return True
        return self.lang == "de" and clause[0] <= r.title_at and 0 <= m.start() - r.title_at <= 40

    def _becoming(self, roles: list[Fact], told: list[Fact]) -> list[Fact]:
        """A title taken after a copula of becoming ("X wird zum 1. September
        Vorstandsvorsitzender der Y"): a RoleChange, dated in its sentence, unless a trigger
        of the sentence told it already ("wurde … zum Justiziar ernannt")."""
        known = {(f.start, f.person.iri, f.role) for f in told
                 if f.type == "RoleChange" and f.person is not None}
        return [Fact("event", r.start, r.end, "event-becoming", person=r.person, org=r.org,
                     type="RoleChange", role=r.role, date=self._date((r.start, r.end), r.title_at))
                for r in roles if r.rule == "role-becoming" and r.person is not None
                and (r.start, r.person.iri, r.role) not in known]

    def _post_given(self, sent, clause, m: re.Match[str]) -> list[tuple]:
        """"抖音CEO一职由韩尚佑接任": a title and the word for its post (post_after; or 由
        itself, post_by_agent: "新任总经理则由X升任") before the verb; the verb's agent takes
        it, at the organization written before the title. A clause opening with 由 takes
        the title the clause before ends with ("宣布X不再担任终端BG CEO，由Y接任"; not
        "母公司Alphabet执行长皮蔡…宣布…，由X出任执行长")."""
        lex = lexicon()
        written = self.hits(self.titles, sent)
        posts = [t for t in written if clause[0] <= t.start()
                 and t.end() <= m.start() and (lex["post_after"].match(self.norm, t.end())
                                               or lex["post_by_agent"].match(self.norm, t.end()))]
        if not posts and lex["post_by_agent"].match(self.norm, clause[0]):
            last = [t for t in written if t.end() <= clause[0]][-1:]  # "…CEO一职，由X接任":
            end = (lex["post_after"].match(self.norm, last[0].end()) or last[0]).end() \
                if last else 0  # after its word for the post
            posts = last if last and _COMMA.fullmatch(self.norm, end, clause[0]) else []
        agents = self._named_agents(self._agent_span(clause, m)) if posts else []
        return [(agents[0].entity, self._org_before(posts[-1].start(), sent) or self.main_org,
                 self._role_key(posts[-1]), TITLED)] if agents else []

    def _handed_to(self, sent, clause, m: re.Match[str], in_sentence: list[Fact]
                   ) -> list[tuple] | None:
        """"X hat den Vorstandsvorsitz an seinen Stellvertreter Y übergeben", "handed the top
        job to Y": a verb of handing over; the person nearest after the word for "to" (not X
        of "an der Spitze von Daimler hat X … an Y übergeben") takes the
        clause's title written before that word, at the organization written before it (or
        the article's); with none ("stepped down as CEO, handing the top job to CTO Y": Y's
        own title follows "to"), the post the other person of the sentence held. None: no
        verb of handing (or one of being handed something)."""
        if not lexicon()["handing"].fullmatch(m.group(0)):
            return None
        to = [(p, w) for p in self._in(clause[0], clause[1], "person")
              if (w := lexicon()["handed_to"].search(self.norm, max(clause[0], p.start - 48),
                                                     p.start))]
        if not to:  # "董事長X交棒": who hands over takes nothing ("X was handed": is given)
            return None if lexicon()["passive"].search(self.norm, max(clause[0], m.start() - 15),
                                                       m.start()) else []
        taker, word = min(to, key=lambda pw: pw[0].start - pw[1].start())
        titles = [t for t in self.hits(self.titles, sent)
                  if clause[0] <= t.start() < min(clause[1], word.start())]
        if titles:
            return [(taker.entity, self._org_before(titles[0].start(), sent) or self.main_org,
                     self._role_key(titles[0]), TITLED)]
        given = [r for r in in_sentence if r.person is not taker.entity
                 and 0 <= r.title_at < m.start() and self._held(r)][-1:]
        return [(taker.entity, r.org, r.role, TITLED) for r in given]

    def _now_of_title(self, start: int, end: int) -> bool:
        """"由现任总经理X升任营运长": the word of now is of the title a name follows, before
        the verb; not of the verb."""
        title = self.titles.search(self.masked, start, end) if self.titles else None
        return title is not None and bool(self._in(title.end(), end, "person"))

    def _handed_over(self, sent, clause, m: re.Match[str], in_sentence: list[Fact]
                     ) -> list[tuple]:
        """"X übernimmt den Chefposten von Y", "X took over the top job from Y", "X took over
        from interim CEO Y": a verb of taking over, then a title with its holder's name
        after it, is the holder's post handed to the clause's other person (or the one the
        clause leaves out: "X, a former PepsiCo executive, took over from …")."""
        if not lexicon()["taking_over"].fullmatch(m.group(0)):
            return []
        def after_from(pos: int) -> bool:  # written right after "von", "from"
            return 0 <= pos - m.end() <= 60 and lexicon()["taken_from"].search(
                self.norm, max(m.end(), pos - 30), pos) is not None
        # a title with its holder after it ("from interim CEO Y"), else a holder named after
        # "von" whose post the sentence tells ("übernimmt den Posten im Mai von Oliver Zipse,
        # der seit 2019 an der Spitze des Konzerns steht")
        given = [r for r in in_sentence if 0 <= r.title_at - m.end() <= 60 and (
            r.rule == "role-title-by-name" and self._held(r)
            or r.rule in NAMED_AFTER and after_from(r.title_at))][:1] or [
            r for r in in_sentence if self._held(r) and after_from(r.at)][:1]
        new = [p for p in self._in(clause[0], given[0].title_at, "person")
               if p.entity is not given[0].person][-1:] if given else []
        if given and not new:
            new = [p for p in self._subjects(sent, clause, m) if p.entity is not given[0].person]
        return [(new[0].entity, given[0].org, given[0].role, TITLED)] if new else []

    def _taken_by_another(self, m: re.Match[str], r: Fact) -> bool:
        """A title after the verb that another verb takes: one written after it ("2015年出任
        CEO，2019年接替马云担任董事会主席"), or its holder's, right after the holder's name
        ("蔡崇信接任董事会主席，淘天集团董事长吴泳铭接任首席执行官"); or the title of the one
        replaced. A word or two may stand between the name and its verb ("将接任", "will
        succeed")."""
        if self.triggers.search(self.masked, m.end(), r.title_at):
            return True
        named = self._mention_at(r.at, "person")
        after = named.end + (self.lang != "zh") if named is not None else 0
        adverb = lexicon()["name_adverb"].match(self.norm, after)  # "蔡明介则续任董事长"
        after = adverb.end() if adverb else after
        return r.at > m.end() and named is not None and (
            self._is_replaced(named)  # "She replaces co-founder Jack Clark": his
            or bool(self.speech and self.speech.match(self.masked, after))  # "…, Chief
            # Executive X said": the speaker's own title
            or bool(self.triggers.search(self.masked, after, after + (3 if self.lang == "zh"
                                                                      else 10)))
            or bool(lexicon()["holding_now"].match(self.norm, after)))  # "蔡力行续任副董事长"

    def _held_elsewhere(self, clause, m: re.Match[str], r: Fact) -> bool:
        """'Uber has chosen X, the chief executive of Expedia, to lead …': a title in
        apposition after the verb, at another organization than the last one named before
        the verb in its clause, is held there now, not taken."""
        hirer = self._in(clause[0], m.start(), "org")[-1:]
        return r.rule == "role-apposition" and r.at > m.end() and bool(hirer) \
            and r.org is not None and r.org.iri != hirer[0].entity.iri

    def _post_after(self, m: re.Match[str]) -> bool:
        """A title right after the verb that names no one after it: the post taken ("接任
        首席执行官"), not a predecessor's ("replaces co-founder Jack Clark")."""
        title = self.titles.search(self.masked, m.end(), m.end() + 16) if self.titles else None
        if title is None:
            return False
        space = re.match(r"\s{0,3}", self.norm[title.end():title.end() + 3])
        return self._mention_at(title.end() + space.end(), "person") is None \
            and bool(lexicon()["modifiers"].match(  # "接任集团首席执行官", "接任阿里巴巴CEO"
                self.masked[m.end():title.start()].replace("\0", "")))

    def _led_taken(self, clause, m: re.Match[str]) -> tuple[Entity, str] | None:
        """What its subject heads from now on, with the rule that says so: the organization
        right after a verb of taking its lead ("rückte an die Spitze der Deutschen Bank",
        "took the helm of X"), or the team a verb of taking over has as its object, right
        after it (German: right before it, the verb last)."""
        helm = bool(lexicon()["helm"].search(m.group(0)))
        if not helm and not lexicon()["taking_over"].fullmatch(m.group(0)):
            return None
        after = [o for o in self._in(m.end(), clause[1], "org") if o.start - m.end() <= 8]
        if helm:
            return (after[0].entity, "event-helm-taken") if after else None
        before = [o for o in self._in(clause[0], m.start(), "org")
                  if m.start() - o.end <= 4][-1:] if self.lang == "de" else []
        near = (after or before)[:1]
        return (near[0].entity, "event-team-taken") \
            if near and near[0].entity.kind == "team" else None

    def _role_org(self, person: Entity, roles: list[Fact]) -> Entity | None:
        for r in roles:
            if r.person is person and r.org is not None and r.org.kind == "org":
                return r.org
        return None


def _nearest_holder(before: list[Fact], clause) -> list[Fact]:
    """The roles, told before a verb, of its clause's person, else of the last person named
    ("董事長兼執行長王振堂請辭獲准，董事會推舉創辦人施振榮回任董事長，並暫代執行長": 施振榮)."""
    own = [r for r in before if r.at >= clause[0]]
    return own or [r for r in before if r.person is before[-1].person] if before else []


def _chained(roles: list[Fact], end: int) -> list[Fact]:
    """The roles of titles whose chain starts up to 60 characters after a verb, each title
    of the chain ("appointed Y CEO X as its chairman and chief executive officer"); a title
    after a copula counts from its holder's name written after the verb ("appointed Chipotle
    Mexican Grill chief executive Brian Niccol as its new chairman")."""
    def start(r: Fact) -> int:
        chain = r.chain_at if r.chain_at >= 0 else r.title_at
        return r.at if r.rule in COPULA_RULES and end <= r.at < chain else chain
    return [r for r in roles if 0 <= start(r) - end <= 60]


def _held_before(role: Fact, new: list[Fact]) -> bool:
    """A title of the holder's name (before it, or in apposition) when the same holder has a
    later one after a copula: the post held, not the one taken ("任命资深副总经理陈冠州为
    总经理", "appointed X, a co-founder of DeepMind, as executive vice president")."""
    return role.rule not in COPULA_RULES and any(
        r.person is role.person and r.rule in COPULA_RULES and r.title_at > role.title_at
        for r in new)
