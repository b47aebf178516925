# JupyterHub on the local platform, started by `bin/notebook start` (which sets the variables read
# here): one user, NOTEBOOK_USER, whose password is generated into the platform's owner-only
# secrets file; the user's JupyterLab runs as a local process of the same OS user as the hub (no
# system account to create, no PAM), opened on the project's notebooks.
# ruff: noqa: F821  (`c` is the configuration object JupyterHub passes in)
import os
import pathlib

home = pathlib.Path(os.environ["CATCAFE_HOME"])
root = pathlib.Path(os.environ["CATCAFE_PROJECT_ROOT"])
venv = pathlib.Path(os.environ["CATCAFE_JUPYTER_VENV"])
user = os.environ["NOTEBOOK_USER"]
state = home / "jupyter"


def secret(key):
    """A value of the platform's secrets file (Java properties: key=value lines)."""
    for line in (home / "secrets.properties").read_text(encoding="utf-8").splitlines():
        if line.startswith(key + "="):
            return line.split("=", 1)[1]
    raise SystemExit(f"{key} is missing from {home / 'secrets.properties'}: start with bin/notebook")


# The public proxy listens where the platform does (CATCAFE_BIND_HOST: 127.0.0.1 unless opened);
# the hub, the proxy's API and the user's server stay on loopback, behind the proxy.
_bind_host = os.environ.get("CATCAFE_BIND_HOST") or "127.0.0.1"
c.JupyterHub.bind_url = f"http://{_bind_host}:{os.environ['NOTEBOOK_PORT']}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{os.environ['NOTEBOOK_HUB_PORT']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['NOTEBOOK_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [
    os.environ["CATCAFE_JUPYTER_NODE"],
    os.environ["CATCAFE_JUPYTER_PROXY"],
]
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
# `bin/notebook stop` stops the user's server (and its kernels) with the hub.
c.JupyterHub.cleanup_servers = True

c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = secret("jupyter.password")
c.Authenticator.allowed_users = {user}

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(state / "users" / "{username}")
c.Spawner.cmd = [str(venv / "bin" / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = str(root / "notebooks")
c.Spawner.default_url = "/lab/tree/cat_cafe_lakehouse.ipynb"
c.Spawner.ip = "127.0.0.1"
c.Spawner.start_timeout = 120
# The user's server stays in the hub's process group (the spawner's default is a session of its
# own), so `bin/notebook stop`, which ends the hub's group, cannot leave it running. A server
# without a terminal does not stop on SIGINT (it asks on its terminal for a confirmation), and
# hung on SIGTERM after one: short waits let the hub's own cleanup finish inside that stop's 30 s.
c.LocalProcessSpawner.popen_kwargs = {"start_new_session": False}
c.LocalProcessSpawner.interrupt_timeout = 2
c.LocalProcessSpawner.term_timeout = 10
c.Spawner.http_timeout = 120
# The kernel reads the lake's settings from the platform's environment file; a test passes its own.
c.Spawner.env_keep = [
    "PATH",
    "LANG",
    "LC_ALL",
    "JAVA_HOME",
    "CATCAFE_HOME",
    "CATCAFE_ENV_FILE",
    "CATCAFE_DIST_DIR",
    "CATCAFE_DIST_HOME",
    "CATCAFE_JUPYTER_HOME",
    "ICEBERG_CATALOG_NAME",
    "ICEBERG_CATALOG_TYPE",
    "ICEBERG_CATALOG_URI",
    "ICEBERG_CATALOG_USER",
    "ICEBERG_CATALOG_PASSWORD",
    "ICEBERG_WAREHOUSE",
    "S3_ENDPOINT",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "LAKEHOUSE_NAMESPACE",
    "TRINO_URL",
    # The read-only Trino user every notebook connects as, and the certificate to trust.
    "TRINO_USER",
    "TRINO_PASSWORD",
    "TRINO_TRUSTSTORE",
    "SPARK_MASTER",
]
if os.geteuid() == 0:
    # CI and these machines run as root; Jupyter refuses root unless told.
    c.Spawner.args = ["--allow-root"]
