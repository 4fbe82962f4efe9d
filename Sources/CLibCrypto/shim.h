// OpenSSL's libcrypto (installed with libpq-dev, which depends on libssl-dev): SHA-256 of uploads.
#include <openssl/evp.h>
