#!/usr/bin/env bash
# Makes the image's base from Debian packages (no registry needed): bookworm with the Java 17 JRE, curl for the
# health check, CA certificates, and the user glossa (uid/gid 10001) owning /var/lib/glossa.
#   deploy/image/base.sh OUT.tar        then: podman import OUT.tar localhost/glossa-jre:17
set -euo pipefail
out=${1:?usage: deploy/image/base.sh OUT.tar}
command -v mmdebstrap >/dev/null || { echo "base.sh: mmdebstrap is missing (apt-get install -y mmdebstrap)" >&2; exit 2; }

# Documentation and translations are left out (copyright files stay); man pages are deleted after installing, since
# the JRE's post-install script links into /usr/share/man/man1; apt's lists and caches are removed.
mmdebstrap --variant=apt --include=openjdk-17-jre-headless,curl,ca-certificates \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook='chroot "$1" groupadd --system --gid 10001 glossa' \
  --customize-hook='chroot "$1" useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/glossa --create-home --shell /usr/sbin/nologin glossa' \
  --customize-hook='rm -rf "$1"/usr/share/man/* "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*.log' \
  --format=tar bookworm "$out"
