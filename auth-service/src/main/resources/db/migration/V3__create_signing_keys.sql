create table signing_keys (
    -- RFC 7638 thumbprint of the public key, published as the JWK "kid".
    kid                    text        primary key,
    -- X.509 SubjectPublicKeyInfo (DER).
    public_key             bytea       not null,
    -- PKCS#8 (DER) encrypted with AES-256-GCM under the key-encryption key, with the kid as associated data,
    -- so that a ciphertext copied onto another row does not decrypt.
    private_key_ciphertext bytea       not null,
    private_key_nonce      bytea       not null constraint signing_keys_nonce_length check (octet_length(private_key_nonce) = 12),
    created_at             timestamptz not null,
    -- Set when a newer key takes over signing; the key stays published until every token it signed has expired.
    retired_at             timestamptz
);

-- At most one key signs at any time, whatever a replica does.
create unique index signing_keys_one_active on signing_keys ((true)) where retired_at is null;
