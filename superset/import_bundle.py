"""Imports a dashboards-as-code bundle (superset/build-bundle) into Superset, overwriting every
object it holds by UUID: database, datasets, charts and dashboard.

Why not `superset import-dashboards`: that command overwrites the dashboard only and keeps an
already imported database, dataset or chart as it was, so a changed chart or a new Trino URI would
never reach a re-import. Superset's assets import overwrites them all; it reads the same bundle
once its metadata says `assets`.

    python import_bundle.py BUNDLE.zip USERNAME   (with Superset's environment: SUPERSET_CONFIG_PATH, ...)

Trino takes the read-only analyst's password over HTTPS only. The password comes from the
environment (TRINO_PASSWORD: the platform's env file locally, a Secret in the cluster) and goes to
Superset's encrypted database password, never into the bundle; TRINO_TRUSTSTORE names the PEM
certificate to trust (the local platform's own), set as the driver's `verify`.
"""

import os
import sys
from zipfile import ZipFile

import yaml
from sqlalchemy.engine.url import make_url
from superset.app import create_app
from superset.constants import PASSWORD_MASK


def main(bundle_path: str, username: str) -> None:
    app = create_app()
    with app.app_context():
        from superset import security_manager
        from superset.commands.importers.v1.assets import ImportAssetsCommand
        from superset.commands.importers.v1.utils import get_contents_from_bundle
        from superset.utils.core import override_user

        with ZipFile(bundle_path) as bundle:
            contents = get_contents_from_bundle(bundle)
        metadata = yaml.safe_load(contents["metadata.yaml"])
        metadata["type"] = "assets"
        contents["metadata.yaml"] = yaml.safe_dump(metadata)
        passwords = {}
        password = os.environ.get("TRINO_PASSWORD", "")
        truststore = os.environ.get("TRINO_TRUSTSTORE", "")
        for name in [n for n in contents if n.startswith("databases/")]:
            database = yaml.safe_load(contents[name])
            if password:
                passwords[name] = password
                # The import sets the URI after the password and takes the URI's password (none
                # here) over it unless the URI carries Superset's mask, as an exported one does.
                uri = make_url(database["sqlalchemy_uri"]).set(password=PASSWORD_MASK)
                database["sqlalchemy_uri"] = uri.render_as_string(hide_password=False)
            if truststore:
                engine_params = database.setdefault("extra", {}).setdefault("engine_params", {})
                engine_params["connect_args"] = {"http_scheme": "https", "verify": truststore}
            contents[name] = yaml.safe_dump(database)
        user = security_manager.find_user(username=username)
        if user is None:
            sys.exit(f"import_bundle: no Superset user {username!r}")
        with override_user(user):
            ImportAssetsCommand(contents, passwords=passwords).run()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: import_bundle.py BUNDLE.zip USERNAME")
    main(sys.argv[1], sys.argv[2])
