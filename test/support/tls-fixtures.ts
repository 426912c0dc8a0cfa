import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A server certificate and its key, as files (for redis-server) and as PEM text (for the sandbox). */
export interface ServerCert {
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: string;
  readonly key: string;
}

/**
 * Throw-away certificates made with the `openssl` command in a mkdtemp directory: a test CA, and
 * server certificates for the loopback address under several faults. Valid for two days; each
 * run makes new ones.
 */
export class TlsFixtures {
  private constructor(
    readonly dir: string,
    /** The test CA's certificate file (what MSDK_CA_FILE / REDIS_CA_FILE name). */
    readonly caFile: string,
    /** Signed by the test CA for 127.0.0.1 and localhost: verifies with caFile. */
    readonly good: ServerCert,
    /** Self-signed for 127.0.0.1 and localhost: no CA vouches for it. */
    readonly selfSigned: ServerCert,
    /** Signed by the test CA, but for another host name only. */
    readonly wrongHost: ServerCert,
  ) {}

  static available(): boolean {
    return spawnSync('openssl', ['version']).status === 0;
  }

  static make(): TlsFixtures {
    const dir = mkdtempSync(join(tmpdir(), 'msdk-gateway-tls-'));
    const caFile = join(dir, 'ca.pem');
    const caKey = join(dir, 'ca.key');
    openssl([
      ...['req', '-x509', '-nodes', '-days', '2', '-subj', '/CN=msdk-gateway test CA'],
      ...KEY,
      ...['-keyout', caKey, '-out', caFile],
      ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ]);
    const server = (name: string, subjectAltName: string, signed: boolean): ServerCert => {
      const certFile = join(dir, `${name}.pem`);
      const keyFile = join(dir, `${name}.key`);
      openssl([
        ...['req', '-x509', '-nodes', '-days', '2', '-subj', `/CN=${name}`],
        ...KEY,
        ...['-keyout', keyFile, '-out', certFile],
        ...(signed ? ['-CA', caFile, '-CAkey', caKey] : []),
        ...['-addext', `subjectAltName=${subjectAltName}`, '-addext', 'basicConstraints=critical,CA:FALSE'],
        // clientAuth too: Redis cluster nodes present their own certificate on the cluster bus.
        ...['-addext', 'extendedKeyUsage=serverAuth,clientAuth'],
      ]);
      return { certFile, keyFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
    };
    const loopback = 'IP:127.0.0.1,DNS:localhost';
    return new TlsFixtures(
      dir,
      caFile,
      server('good', loopback, true),
      server('self-signed', loopback, false),
      server('wrong-host', 'DNS:msdk.wrong.example', true),
    );
  }

  get ca(): string {
    return readFileSync(this.caFile, 'utf8');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** EC P-256 keys: made in milliseconds, unlike RSA. */
const KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];

function openssl(args: string[]): void {
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
}
