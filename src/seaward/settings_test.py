"""Settings for the test suite: the production settings with testing switched on."""

import os

os.environ.setdefault("SEAWARD_TESTING", "1")

from seaward.settings import *  # noqa: F403
