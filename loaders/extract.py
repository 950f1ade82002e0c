"""The extractor of one article: the role, event and statement rules over one context.

Rules read the lexicons (ontology triggers and titles, extract.toml) and the mentions;
nothing about a particular article or event is written in them.
"""
from __future__ import annotations

from loaders.events import EventRules
from loaders.facts import Fact
from loaders.roles import RoleRules
from loaders.sentences import sentences
from loaders.statements import StatementRules

__all__ = ["Extractor", "Fact", "sentences"]


class Extractor(RoleRules, EventRules, StatementRules):
    """Roles, events and statements of one article (see the three rule modules)."""
