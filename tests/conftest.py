"""Suite-wide pytest setup.

`pytester` runs pytest inside a test (tests/tooling/test_pytest_plugin.py); `pytest_plugins` is only
allowed in a top-level conftest, hence here. The tooling tests read their data files themselves, so
pytest must not collect them, not even with `--kwaliteitsregels`.
"""

pytest_plugins = ["pytester"]
collect_ignore_glob = ["tooling/data/*"]
