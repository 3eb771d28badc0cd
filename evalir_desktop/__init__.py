"""EVALIR Desktop: assess an AI project of a small French town, offline."""

# The version of pyproject.toml, written here too so that start-up does not pay for
# importlib.metadata (tests/packaging/test_version.py keeps the two equal).
__version__ = "0.1.0"
