import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** PEM files of a test CA and the certificates it issued, for servers on 127.0.0.1 and their clients. */
export interface TestCertificates {
  ca: string;
  server: { cert: string; key: string };
  /** A client certificate (extendedKeyUsage clientAuth), as docker's DOCKER_CERT_PATH wants one. */
  client: { cert: string; key: string };
}

/** Make a CA and a server and a client certificate in `dir` with openssl; valid for two days. */
export async function makeCertificates(dir: string): Promise<TestCertificates> {
  await mkdir(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl(['req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=pkgrepo-diff test CA']);
  const issue = async (name: string, subject: string, extensions: string) => {
    await openssl(['req', ...ec, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject]);
    await writeFile(file(`${name}.ext`), extensions);
    await openssl([
      'x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial',
      '-out', file(`${name}.pem`), '-days', '2', '-extfile', file(`${name}.ext`),
    ]);
    return { cert: file(`${name}.pem`), key: file(`${name}.key`) };
  };
  const server = await issue('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  const client = await issue('client', '/CN=pkgrepo-diff test client', 'extendedKeyUsage=clientAuth\n');
  return { ca: file('ca.pem'), server, client };
}

function openssl(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, (error, _stdout, stderr) => (error === null ? resolve() : reject(new Error(`openssl ${args[0]}: ${stderr.trim()}`))));
  });
}
