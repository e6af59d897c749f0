#!/usr/bin/env bash
# Validates a .qdc and/or a .qdpx against the REFI-QDA XSDs with xmllint.
#   REFI_XSD_DIR=/path/with/Codebook.xsd+Project.xsd scripts/validate-refi.sh FILE.qdc|FILE.qdpx ...
# The XSDs are not in this repository (see README, "Exports"); get them from
# https://www.qdasoftware.org (Codebook.xsd, Project.xsd, QDA-XML 1.0).
set -euo pipefail
command -v xmllint >/dev/null || { echo "SKIP: xmllint not found (apt-get install -y libxml2-utils)"; exit 0; }
dir="${REFI_XSD_DIR:?set REFI_XSD_DIR to a folder with Codebook.xsd and Project.xsd}"
for f in "$@"; do
  case "$f" in
    *.qdc) xmllint --noout --schema "$dir/Codebook.xsd" "$f" ;;
    *.qdpx) t=$(mktemp -d); unzip -q "$f" -d "$t"; xmllint --noout --schema "$dir/Project.xsd" "$t/project.qde"; rm -rf "$t" ;;
  esac
done
