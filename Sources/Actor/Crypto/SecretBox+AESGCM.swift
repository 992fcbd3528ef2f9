import COpenSSL

/// AES-256-GCM one-shots over OpenSSL's EVP interface (12-byte nonce, 16-byte tag).
enum AESGCM {
    static func encrypt(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], aad: [UInt8]) throws(SecretBoxError) -> ([UInt8], [UInt8]) {
        guard let context = EVP_CIPHER_CTX_new() else { throw .crypto("no cipher context") }
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, key, nonce) == 1 else {
            throw .crypto(CryptoError("starting AES-256-GCM").description)
        }
        var length: Int32 = 0
        if !aad.isEmpty {
            guard EVP_EncryptUpdate(context, nil, &length, aad, Int32(aad.count)) == 1 else {
                throw .crypto(CryptoError("adding associated data").description)
            }
        }
        var out = [UInt8](repeating: 0, count: plaintext.count + 16)
        var written: Int32 = 0
        if !plaintext.isEmpty {
            guard EVP_EncryptUpdate(context, &out, &written, plaintext, Int32(plaintext.count)) == 1 else {
                throw .crypto(CryptoError("encrypting").description)
            }
        }
        var tail: Int32 = 0
        let finished = out.withUnsafeMutableBufferPointer { buffer in
            EVP_EncryptFinal_ex(context, buffer.baseAddress.map { $0 + Int(written) }, &tail)
        }
        guard finished == 1 else { throw .crypto(CryptoError("finishing encryption").description) }
        var tag = [UInt8](repeating: 0, count: 16)
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, 16, &tag) == 1 else {
            throw .crypto(CryptoError("reading the tag").description)
        }
        return (Array(out.prefix(Int(written + tail))), tag)
    }

    static func decrypt(_ ciphertext: [UInt8], tag: [UInt8], key: [UInt8], nonce: [UInt8], aad: [UInt8]) throws(SecretBoxError) -> [UInt8] {
        guard let context = EVP_CIPHER_CTX_new() else { throw .crypto("no cipher context") }
        defer { EVP_CIPHER_CTX_free(context) }
        // Every failure below is reported as `.openFailed`: callers must not learn which step failed.
        defer { OpenSSLErrorQueue.clear() }
        guard EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, key, nonce) == 1 else { throw .openFailed }
        var length: Int32 = 0
        if !aad.isEmpty {
            guard EVP_DecryptUpdate(context, nil, &length, aad, Int32(aad.count)) == 1 else { throw .openFailed }
        }
        var out = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var written: Int32 = 0
        if !ciphertext.isEmpty {
            guard EVP_DecryptUpdate(context, &out, &written, ciphertext, Int32(ciphertext.count)) == 1 else { throw .openFailed }
        }
        var expected = tag
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, 16, &expected) == 1 else { throw .openFailed }
        var tail: Int32 = 0
        let verified = out.withUnsafeMutableBufferPointer { buffer in
            EVP_DecryptFinal_ex(context, buffer.baseAddress.map { $0 + Int(written) }, &tail)
        }
        guard verified == 1 else { throw .openFailed }
        return Array(out.prefix(Int(written + tail)))
    }
}
