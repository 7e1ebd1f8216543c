#!/bin/sh
# What the tests drive from Debian: its Chromium for the browser tests (never a browser downloaded
# by Playwright), and nginx, to serve the site with the README's server block as written.
# Given package names instead (tools/ensure-pdf-libraries.sh: pango, for the guide's PDFs), installs those.
# Installing needs root (or sudo). Another installation running (a helper's `make test`, the
# system's unattended upgrades) holds apt's lock: apt waits for it, up to BSS_APT_WAIT seconds,
# and if it is still held then, this says so plainly instead of apt's lock error alone.
set -e
CHROMIUM=${BSS_CHROMIUM:-/usr/bin/chromium}
NGINX=${BSS_NGINX:-/usr/sbin/nginx}
WAIT=${BSS_APT_WAIT:-900}
missing=""
if [ $# -gt 0 ]; then
    missing=" $*"; purpose="the guide's PDFs"
else
    [ -x "$CHROMIUM" ] || missing="$missing chromium"
    [ -x "$NGINX" ] || missing="$missing nginx"
    purpose="the tests"
fi
[ -z "$missing" ] && exit 0
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
echo "Installing Debian's$missing for $purpose (this needs root or sudo)..."

apt() {
    log=$(mktemp)
    if DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout="$WAIT" "$@" >"$log" 2>&1; then
        rm -f "$log"
        return 0
    fi
    if grep -qi "lock" "$log"; then
        holder=$(grep -io "process [0-9]* *([^)]*)" "$log" | head -n 1)
        echo "apt is busy: its lock is held by ${holder:-another installation}, still after waiting $WAIT s." \
             "Wait for that installation to finish (or set BSS_APT_WAIT to wait longer), then run make test again." >&2
    else
        cat "$log" >&2
    fi
    rm -f "$log"
    exit 1
}
apt update -qq
apt install -y -qq $missing
