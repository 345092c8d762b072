#ifndef CAREERS_COPENSSL_SHIM_H
#define CAREERS_COPENSSL_SHIM_H
// OpenSSL exposes much of its API as function-like macros, which Swift cannot import.
// The TLS work (see the TLS issue) wraps them here as static inline functions.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/x509.h>
#include <openssl/pem.h>
#endif
