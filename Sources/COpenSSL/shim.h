#ifndef CART_ACTOR_COPENSSL_SHIM_H
#define CART_ACTOR_COPENSSL_SHIM_H
// The parts of OpenSSL 3 the actor uses; see docs/ARCHITECTURE.md for what does not import.
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#endif
