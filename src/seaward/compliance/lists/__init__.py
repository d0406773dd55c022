"""Parsers of the published restricted-party list formats into ``ListSnapshot``.

Every parser is a pure function of file-like objects: it reads at most a bounded
number of bytes, rejects a bad or truncated file with ``ListFileInvalid`` naming the
line or element at fault, and returns a complete snapshot or nothing.
"""

from seaward.compliance.lists.bis import parse_bis_dpl
from seaward.compliance.lists.csl import parse_trade_csl
from seaward.compliance.lists.eu import parse_eu_xml
from seaward.compliance.lists.ofac import parse_ofac_legacy
from seaward.compliance.lists.un import parse_un_xml

__all__ = ["parse_bis_dpl", "parse_eu_xml", "parse_ofac_legacy", "parse_trade_csl", "parse_un_xml"]
