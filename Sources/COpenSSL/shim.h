#ifndef CAREERS_COPENSSL_SHIM_H
#define CAREERS_COPENSSL_SHIM_H
// OpenSSL exposes much of its API as function-like macros (and option bits built by macros),
// which Swift cannot import; some calls also changed types between 1.1.1 and 3.x. Each wrapper
// below gives Swift one stable, typed entry point. Requires OpenSSL 1.1.1 or later.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/x509.h>
#include <openssl/pem.h>
#include <string.h>

#if OPENSSL_VERSION_NUMBER < 0x10101000L
#error "COpenSSL needs OpenSSL 1.1.1 or later (TLS 1.3, SSL_OP_NO_RENEGOTIATION)"
#endif

// MARK: - Context settings

static inline int careers_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

static inline int careers_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

static inline int careers_SSL_set_min_proto_version(SSL *ssl, int version) {
    return (int)SSL_set_min_proto_version(ssl, version);
}

static inline int careers_SSL_set_max_proto_version(SSL *ssl, int version) {
    return (int)SSL_set_max_proto_version(ssl, version);
}

static inline long careers_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

// The option argument is `unsigned long` in 1.1.1 and `uint64_t` in 3.x.
static inline void careers_SSL_CTX_set_options(SSL_CTX *ctx, uint64_t options) {
    SSL_CTX_set_options(ctx, options);
}

static inline int careers_SSL_CTX_set1_groups_list(SSL_CTX *ctx, const char *groups) {
    return (int)SSL_CTX_set1_groups_list(ctx, groups);
}

static inline long careers_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}

static inline long careers_SSL_CTX_sess_set_cache_size(SSL_CTX *ctx, long size) {
    return SSL_CTX_sess_set_cache_size(ctx, size);
}

// Option and mode bits (SSL_OP_BIT(n) is a macro expression Swift does not import).
static inline uint64_t careers_SSL_OP_NO_COMPRESSION(void) { return SSL_OP_NO_COMPRESSION; }
static inline uint64_t careers_SSL_OP_NO_RENEGOTIATION(void) { return SSL_OP_NO_RENEGOTIATION; }
static inline uint64_t careers_SSL_OP_NO_TICKET(void) { return SSL_OP_NO_TICKET; }
static inline uint64_t careers_SSL_OP_NO_TLSv1_3(void) { return SSL_OP_NO_TLSv1_3; }
static inline uint64_t careers_SSL_OP_CIPHER_SERVER_PREFERENCE(void) { return SSL_OP_CIPHER_SERVER_PREFERENCE; }
static inline uint64_t careers_SSL_OP_PRIORITIZE_CHACHA(void) { return SSL_OP_PRIORITIZE_CHACHA; }
static inline long careers_SSL_MODE_RELEASE_BUFFERS(void) { return SSL_MODE_RELEASE_BUFFERS; }

// MARK: - ALPN

// Wire format of the server's only protocol: length-prefixed "http/1.1".
static const unsigned char careers_alpn_http11[] = { 8, 'h', 't', 't', 'p', '/', '1', '.', '1' };

// Selects "http/1.1" when the client offers it. A client that offers ALPN without it gets the
// fatal no_application_protocol alert RFC 7301 §3.2 asks for; a client that offers no ALPN at
// all never reaches this callback and proceeds without ALPN.
static int careers_alpn_select_http11(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                                      const unsigned char *in, unsigned int inlen, void *arg) {
    (void)ssl; (void)arg;
    unsigned int i = 0;
    while (i < inlen) {
        unsigned int len = in[i];
        if (i + 1 + len > inlen) break;
        if (len == careers_alpn_http11[0] && memcmp(in + i + 1, careers_alpn_http11 + 1, len) == 0) {
            *out = in + i + 1;
            *outlen = (unsigned char)len;
            return SSL_TLSEXT_ERR_OK;
        }
        i += 1 + len;
    }
    return SSL_TLSEXT_ERR_ALERT_FATAL;
}

static inline void careers_SSL_CTX_select_alpn_http11(SSL_CTX *ctx) {
    SSL_CTX_set_alpn_select_cb(ctx, careers_alpn_select_http11, NULL);
}

// MARK: - Memory BIOs and errors

// An empty memory BIO must report "retry" (so SSL_* returns WANT_READ), not end of file.
static inline void careers_BIO_set_mem_eof_return(BIO *bio, int value) {
    (void)BIO_set_mem_eof_return(bio, value);
}

static inline size_t careers_BIO_pending(BIO *bio) {
    return BIO_ctrl_pending(bio);
}

static inline int careers_ERR_GET_REASON(unsigned long code) {
    return ERR_GET_REASON(code);
}

// MARK: - Certificates

// An encrypted key would make OpenSSL prompt on the terminal; refuse instead of blocking start-up.
static int careers_refuse_passphrase(char *buf, int size, int rwflag, void *userdata) {
    (void)buf; (void)size; (void)rwflag; (void)userdata;
    return 0;
}

static inline void careers_SSL_CTX_refuse_passphrase(SSL_CTX *ctx) {
    SSL_CTX_set_default_passwd_cb(ctx, careers_refuse_passphrase);
}

// XN_FLAG_RFC2253 is an expression of other flag macros.
static inline unsigned long careers_XN_FLAG_RFC2253(void) { return XN_FLAG_RFC2253; }

static inline X509 *careers_SSL_get1_peer_certificate(const SSL *ssl) {
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    return SSL_get1_peer_certificate(ssl);
#else
    return SSL_get_peer_certificate(ssl);
#endif
}

#endif
