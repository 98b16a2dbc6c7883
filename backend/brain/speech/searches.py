"""The grammar searches of one pocketsphinx decoder, kept for grammars heard again within a memory budget."""

import itertools
from collections import OrderedDict

from pocketsphinx import Decoder


class GrammarSearches:
    """A search per distinct JSGF grammar, built once and reused; beyond budget_chars of grammar in all, the least
    recently used searches are removed. A search holds its lextree and the history of its last decode, and those grow
    with its grammar, so characters of grammar bound the memory.

    pocketsphinx 5.1 frees a search as soon as it is removed or replaced by one of the same name, even the active
    one, and then leaves the decoder on no search (removed) or on the freed one (replaced). So every search gets a
    name of its own, and activate() makes the grammar's own search the active one after any removal."""

    def __init__(self, decoder: Decoder, budget_chars: int) -> None:
        self._decoder = decoder
        self._budget_chars = budget_chars
        self._names: OrderedDict[str, str] = OrderedDict()  # grammar -> search name, least recently used first
        self._numbers = itertools.count()

    @property
    def grammars(self) -> list[str]:
        """The grammars whose searches the decoder holds, least recently used first."""
        return list(self._names)

    def activate(self, jsgf: str) -> None:
        """Makes the grammar's search the decoder's active one, adding it unless it is held already."""
        name = self._names.pop(jsgf, None)
        if name is None:
            name = f"grammar{next(self._numbers)}"
            self._decoder.add_jsgf_string(name, jsgf)
        self._names[jsgf] = name
        while len(self._names) > 1 and sum(map(len, self._names)) > self._budget_chars:
            _, oldest = self._names.popitem(last=False)
            self._decoder.remove_search(oldest)
        self._decoder.activate_search(name)
