#!/bin/sh
# The guide's PDFs are made with WeasyPrint, which needs Debian's pango. `make site` runs this
# first: if WeasyPrint cannot load, it installs the packages where it can (as root, or with sudo
# that needs no password), as tests/ensure-debian-packages.sh installs the tests' chromium. Where it
# cannot, it stops nothing: the build then says in one line that the PDFs were skipped.
# Usage: sh tools/ensure-pdf-libraries.sh PYTHON
PY=${1:-.venv/bin/python}
[ "${BSS_PDFS:-auto}" = off ] && exit 0
# -W error: WeasyPrint loads without HarfBuzz's subset library but warns, and the tests take a warning
# for an error (make test-fast on a fresh machine, where Chromium has not brought it in yet).
"$PY" -W error -c "import weasyprint" >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || exit 0  # not Debian: the build says what is missing
if [ "$(id -u)" != 0 ] && ! sudo -n true >/dev/null 2>&1; then
    exit 0  # no root, no sudo without a password: the build says what to install
fi
packages=$("$PY" -c "from bss.finish.pdfs import DEBIAN_PACKAGES; print(DEBIAN_PACKAGES)") || exit 0
sh "$(dirname "$0")/../tests/ensure-debian-packages.sh" $packages || \
    echo "Could not install Debian's $packages: the guide's PDFs will be skipped." >&2
exit 0
