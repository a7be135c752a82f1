/**
 * End-to-end tests: black-box through the gateway (plus direct database role checks) against the whole platform,
 * which {@link dev.emporium.e2e.RunningPlatform} starts once per test run from the freshly packaged service jars.
 */
package dev.emporium.e2e;
