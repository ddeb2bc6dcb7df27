#!/usr/bin/env bash
# The Debian tools the tests read files back with. Installs what is missing when run as root;
# otherwise fails loudly with the command to run. Tests never skip for a missing tool.
set -euo pipefail
declare -A need=([chromium]=chromium [pdftotext]=poppler-utils [qpdf]=qpdf [zbarimg]=zbar-tools [soffice]=libreoffice-writer-nogui)
missing=()
for tool in "${!need[@]}"; do command -v "$tool" >/dev/null || missing+=("${need[$tool]}"); done
# LibreOffice Calc reads back the Word merge data source (.xlsx); it has no command of its own.
[ -e /usr/lib/libreoffice/program/libsclo.so ] || missing+=(libreoffice-calc-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: missing ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]} …" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# chromium keeps its recommends (fonts-liberation); LibreOffice (Writer, Calc) needs none of its own.
for pkg in "${missing[@]}"; do
  if [[ "$pkg" = libreoffice-*-nogui ]]; then apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
  else apt-get install -y -qq "$pkg" >/dev/null; fi
done
