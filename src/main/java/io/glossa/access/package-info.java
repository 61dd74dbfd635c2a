/** API keys and per-key rate limits behind the ApiKeyStore port. */
package io.glossa.access;
