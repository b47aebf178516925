"""The Superset settings the local platform and the cluster share, in one place.

Imported by superset/superset_config.py (local, bin/superset) and by the Helm chart's
configOverrides (sparkapps/manifests/helm/superset-values.yaml), which finds this file in the image
at /app/catcafe (superset/Dockerfile). What differs per place stays there: the metadata database,
the caches, the secret key.
"""

from superset.config import THEME_DARK as _SUPERSET_THEME_DARK
from superset.config import THEME_DEFAULT as _SUPERSET_THEME_DEFAULT

# Dashboards and their charts are readable by the roles the dashboard grants (DASHBOARD_RBAC).
# Every chart of a dashboard is drawn as the dashboard opens, not when it scrolls into view
# (DASHBOARD_VIRTUALIZATION off): the cafe's dashboards are a screen or two of charts, and waiting
# for each chart's visibility added about 0.25 s to a load (superset/README.md, Benchmark).
FEATURE_FLAGS = {"DASHBOARD_RBAC": True, "DASHBOARD_VIRTUALIZATION": False}

# Charts draw their final frame at once. ECharts' entry animation redraws every chart for about a
# second after its data arrives, and on a small machine those frames hold up the charts still
# loading. Superset's own themes otherwise.
_NO_CHART_ANIMATION = {"echartsOptionsOverrides": {"animation": False}}
THEME_DEFAULT = {**_SUPERSET_THEME_DEFAULT, **_NO_CHART_ANIMATION}
THEME_DARK = {**_SUPERSET_THEME_DARK, **_NO_CHART_ANIMATION} if _SUPERSET_THEME_DARK else None
