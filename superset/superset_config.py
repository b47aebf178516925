# Superset's configuration on the local platform (bin/superset points SUPERSET_CONFIG_PATH here).
# Everything that differs per machine comes from the environment bin/superset sets: the secret key
# (generated into the platform's owner-only secrets file) and the SQLite metadata file in the
# platform home. No secret lives in this file.
import os
import sys

SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]
SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.environ["SUPERSET_METADATA_DB"]

# The settings the cluster shares (feature flags, themes) have one home, catcafe_settings.py beside
# this file; the Helm chart's configOverrides import the same file from the image.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from catcafe_settings import FEATURE_FLAGS, THEME_DARK, THEME_DEFAULT  # noqa: E402,F401

# Every request's event goes to the log (superset.log) rather than a row in the SQLite metadata: a
# write per request locks the file the other worker is reading.
from superset.utils.log import StdOutEventLogger  # noqa: E402

EVENT_LOGGER = StdOutEventLogger()

# Served on the loopback only, over plain HTTP: no HTTPS redirects or HSTS.
TALISMAN_ENABLED = False
SESSION_COOKIE_SECURE = False

# Two gunicorn workers share one cache: files in the platform home (bin/superset empties them at
# every start, as a restart empties an in-memory cache). A second viewer within five minutes, or the
# same one a second time, reads charts from here rather than from Trino.
def _file_cache(name):
    return {
        "CACHE_TYPE": "FileSystemCache",
        "CACHE_DIR": os.path.join(os.environ["SUPERSET_CACHE_DIR"], name),
        "CACHE_DEFAULT_TIMEOUT": 300,
    }


CACHE_CONFIG = _file_cache("metadata")
DATA_CACHE_CONFIG = _file_cache("data")
# The dashboard benchmark measures every load against Trino, not against this cache.
if os.environ.get("SUPERSET_DATA_CACHE") == "off":
    DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}

# SQL Lab: read-only exploration of the lake (SHOW CATALOGS, SHOW SCHEMAS, SELECT ...).
SQLLAB_TIMEOUT = 120
SUPERSET_WEBSERVER_TIMEOUT = 120
