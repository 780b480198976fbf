#!/bin/sh
# How the .p12 files here were written: by the OpenSSL 3 command line, another writer than the
# cryptography library the application reads them with, in the kinds a user brings (OpenSSL's
# defaults, AES-128 with an SHA-1 MAC, 3DES inside PBES2, certificates not encrypted, the
# legacy RC2/3DES kind, no MAC, a key without its certificate). Keys and certificates are
# test material only, valid for 100 years. Password: "rätt lösen" (UTF-8).
# Run from an empty folder; copy the .p12 files here.
set -e
cat > leaf.ext <<'EXT'
keyUsage=critical,digitalSignature,nonRepudiation
basicConstraints=CA:FALSE
EXT
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 36500 \
    -subj "/CN=Testrot Nacka/O=TEST - ej for produktion"
openssl req -newkey rsa:2048 -nodes -keyout rsa.key -out rsa.csr -utf8 \
    -subj "/CN=Åsa Öberg/O=TEST - ej for produktion/C=SE"
openssl x509 -req -in rsa.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out rsa.pem \
    -days 36500 -extfile leaf.ext
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec.key -out ec.csr \
    -subj "/CN=Erik Ek/O=TEST - ej for produktion/C=SE"
openssl x509 -req -in ec.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out ec.pem \
    -days 36500 -extfile leaf.ext
PW='rätt lösen'
openssl pkcs12 -export -inkey rsa.key -in rsa.pem -certfile ca.pem -name "Åsa Öberg" \
    -passout "pass:$PW" -out openssl3-default-chain.p12
openssl pkcs12 -export -inkey ec.key -in ec.pem -keypbe AES-128-CBC -certpbe AES-128-CBC \
    -macalg sha1 -iter 10000 -passout "pass:$PW" -out openssl3-ec-aes128-sha1mac.p12
openssl pkcs12 -export -inkey rsa.key -in rsa.pem -certfile ca.pem -keypbe DES-EDE3-CBC \
    -certpbe DES-EDE3-CBC -macalg sha512 -passout "pass:$PW" -out openssl3-pbes2-3des-sha512mac.p12
openssl pkcs12 -export -inkey rsa.key -in rsa.pem -certpbe NONE -passout "pass:$PW" \
    -out openssl3-certs-unencrypted.p12
openssl pkcs12 -export -inkey rsa.key -in rsa.pem -certfile ca.pem -legacy -passout "pass:$PW" \
    -out openssl3-legacy.p12
openssl pkcs12 -export -inkey rsa.key -in rsa.pem -nomac -passout "pass:$PW" -out openssl3-nomac.p12
openssl pkcs12 -export -inkey rsa.key -nocerts -passout "pass:$PW" -out openssl3-key-only.p12
