#!/usr/bin/env bash
# Unpacks the Trino server tarball with only the plugins the platform uses. GNU tar, not Maven's
# unpacker: the tarball stores many jars as hard links, which Maven's unpacker writes as empty files.
set -euo pipefail
tarball="$1"; target="$2"; version="$3"
dist="$target/trino-server-$version"
marker="$dist/.unpacked"
# The plugins kept (the password file authenticator too); a change of the list unpacks again.
plugins="iceberg postgresql geospatial password-authenticators"
if [ "$(cat "$marker" 2>/dev/null)" = "$plugins" ]; then
  exit 0
fi
rm -rf "$dist"
mkdir -p "$target"
# Plugins link into each other's folders (iceberg into delta-lake), so unpack everything, then
# drop the plugins we do not load: fewer plugins, faster start; the links keep the shared jars.
tar -xzf "$tarball" -C "$target"
for plugin in "$dist"/plugin/*; do
  case " $plugins " in
    *" $(basename "$plugin") "*) ;;
    *) rm -rf "$plugin" ;;
  esac
done
rm -rf "$dist/secrets-plugin"
echo "$plugins" > "$marker"
