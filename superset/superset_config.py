# Superset's configuration on the local platform (bin/superset points SUPERSET_CONFIG_PATH here).
# Everything that differs per machine comes from the environment bin/superset sets: the secret key
# (generated into the platform's owner-only secrets file) and the SQLite metadata file in the
# platform home. No secret lives in this file.
import os

SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]
SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.environ["SUPERSET_METADATA_DB"]

# The same flags as the cluster (sparkapps/manifests/helm/superset-values.yaml).
FEATURE_FLAGS = {"DASHBOARD_RBAC": True}

# Served on the loopback only, over plain HTTP: no HTTPS redirects or HSTS.
TALISMAN_ENABLED = False
SESSION_COOKIE_SECURE = False

# One gunicorn worker on a small machine: keep Superset's own caches in memory, nothing else.
CACHE_CONFIG = {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 300}
DATA_CACHE_CONFIG = CACHE_CONFIG
# The dashboard benchmark measures every load against Trino, not against this cache.
if os.environ.get("SUPERSET_DATA_CACHE") == "off":
    DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}

# SQL Lab: read-only exploration of the lake (SHOW CATALOGS, SHOW SCHEMAS, SELECT ...).
SQLLAB_TIMEOUT = 120
SUPERSET_WEBSERVER_TIMEOUT = 120
