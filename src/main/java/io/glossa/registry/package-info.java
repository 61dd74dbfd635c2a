/** The model lifecycle on the ports: registry, catalog, verification and smoke tests, active and shadow models, re-verify. */
package io.glossa.registry;
