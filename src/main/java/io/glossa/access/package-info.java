/** Ports and policies of access: API keys and per-key rate limits behind the ApiKeyStore port (store implements it). */
package io.glossa.access;
