"""policylint: a compliance linter for therapists' social media policies."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("policylint")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
