"""EVALIR Desktop: assess an AI project of a small French town, offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("evalir-desktop")
except PackageNotFoundError:  # running from a source tree or a frozen bundle
    __version__ = "0.1.0"
