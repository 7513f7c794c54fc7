#!/usr/bin/env bash
# Makes DEVELOPMENT certificates for the cluster profile's TLS: a CA, a silo certificate and a client certificate signed
# by it (SAN localhost and 127.0.0.1), as PKCS#12 files for .NET plus the CA as PEM. Never use these in production: the
# CA key sits next to the certificates and the password is known.
#
# Usage: make-dev-certs.sh [DIR]      (default DIR: cluster-config/dev-certs)
#   ACTORS_TLS_PASSWORD   password of the .pfx files (default: actors-dev)
#   ACTORS_TLS_SANS       extra subjectAltName entries for the silo certificate, e.g. "DNS:silo1.internal,IP:10.0.0.5"
#   ACTORS_TLS_DAYS       validity of the silo and client certificates in days (default: 825)
#
# Idempotent: files that exist are kept, so a second run changes nothing. A missing CA makes every certificate anew,
# because certificates signed by the old CA would no longer chain to the new one.
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
dir=${1:-"$script_dir/../dev-certs"}
password=${ACTORS_TLS_PASSWORD:-actors-dev}
extra_sans=${ACTORS_TLS_SANS:-}
days=${ACTORS_TLS_DAYS:-825}

command -v openssl >/dev/null || { echo "make-dev-certs: openssl is required (apt-get install openssl)" >&2; exit 1; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

made=()
kept=()

new_key() {
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
}

make_ca() {
  new_key "$dir/ca.key"
  openssl req -x509 -new -key "$dir/ca.key" -sha256 -days 3650 -subj "/CN=Actors Development CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" \
    -out "$dir/ca.pem"
  chmod 644 "$dir/ca.pem"
  made+=("$dir/ca.key" "$dir/ca.pem")
}

# make_leaf NAME COMMON_NAME EXTENDED_KEY_USAGE SUBJECT_ALT_NAMES
make_leaf() {
  local name=$1 cn=$2 eku=$3 sans=$4
  new_key "$dir/$name.key"
  openssl req -new -key "$dir/$name.key" -subj "/CN=$cn" -out "$work/$name.csr"
  cat > "$work/$name.ext" <<EOF
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyAgreement
extendedKeyUsage=$eku
subjectAltName=$sans
authorityKeyIdentifier=keyid
subjectKeyIdentifier=hash
EOF
  openssl x509 -req -in "$work/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -CAserial "$work/ca.srl" \
    -days "$days" -sha256 -extfile "$work/$name.ext" -out "$dir/$name.pem" 2>/dev/null
  chmod 644 "$dir/$name.pem"
  openssl pkcs12 -export -name "$cn" -inkey "$dir/$name.key" -in "$dir/$name.pem" -certfile "$dir/ca.pem" \
    -passout "pass:$password" -out "$dir/$name.pfx"
  made+=("$dir/$name.key" "$dir/$name.pem" "$dir/$name.pfx")
}

if [ ! -s "$dir/ca.pem" ] || [ ! -s "$dir/ca.key" ]; then
  rm -f "$dir"/silo.* "$dir"/client.*
  make_ca
else
  kept+=("$dir/ca.pem")
fi

silo_sans="DNS:localhost,IP:127.0.0.1${extra_sans:+,$extra_sans}"
# A silo is a TLS server (inbound silo and gateway connections) and a TLS client (outbound to other silos): both usages.
if [ ! -s "$dir/silo.pfx" ]; then
  make_leaf silo "actors-silo" "serverAuth,clientAuth" "$silo_sans"
else
  kept+=("$dir/silo.pfx")
fi
if [ ! -s "$dir/client.pfx" ]; then
  make_leaf client "actors-client" "clientAuth" "DNS:localhost,IP:127.0.0.1"
else
  kept+=("$dir/client.pfx")
fi

for f in "${made[@]}"; do echo "made $f"; done
for f in "${kept[@]}"; do echo "kept $f (exists)"; done
cat <<EOF

Silo (cluster profile):
  Actors__Tls__CertificateFile=$dir/silo.pfx
  Actors__Tls__CertificatePassword=<ACTORS_TLS_PASSWORD>
  Actors__Tls__CaFile=$dir/ca.pem
Client / CLI:
  --tls-cert $dir/client.pfx --tls-ca $dir/ca.pem   (password: --tls-key-password or ACTORS_TLS_KEY_PASSWORD)
EOF
