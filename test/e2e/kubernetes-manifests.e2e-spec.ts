import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service, type IContainer, type IEnvVar, type IVolume } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { createGateway } from '../../apps/gateway/src/bootstrap.js';
import type { GatewayConfig } from '../../apps/gateway/src/config/gateway-config.js';
import { loadGatewayConfig } from '../../apps/gateway/src/config/load-gateway-config.js';
import { drainBoundMs } from '../../apps/gateway/src/lifecycle/drain-bound.js';
import { defined } from '../support/defined.js';

const DIR = 'config/kubernetes';
const read = (file: string): unknown => parse(readFileSync(join(DIR, file), 'utf8'));
const files = (read('kustomization.yaml') as { resources: string[] }).resources;
const manifests = files.map((file) => ({ file, doc: read(file) as { kind: string } }));
const ofKind = (kind: string) => defined(manifests.find((m) => m.doc.kind === kind)?.doc, kind);

/** Each kind the manifests use, as kubernetes-models' model, whose validate() checks the schema. */
const MODELS: Record<string, new (doc: never) => { validate(): void }> = {
  ConfigMap,
  Secret,
  Service,
  Deployment,
  HorizontalPodAutoscaler,
  PodDisruptionBudget,
};

const deployment = new Deployment(ofKind('Deployment') as never);
const configMap = new ConfigMap(ofKind('ConfigMap') as never);
const secret = new Secret(ofKind('Secret') as never);
const service = new Service(ofKind('Service') as never);
const pdb = new PodDisruptionBudget(ofKind('PodDisruptionBudget') as never);
const hpa = new HorizontalPodAutoscaler(ofKind('HorizontalPodAutoscaler') as never);
const pod = defined(deployment.spec?.template.spec, 'pod spec');
const container: IContainer = pod.containers[0];
const env: IEnvVar[] = container.env ?? [];
const volumeOf = (mountPath: string): IVolume | undefined => {
  const mount = container.volumeMounts?.find((m) => mountPath.startsWith(`${m.mountPath}/`));
  return pod.volumes?.find((v) => v.name === mount?.name);
};

/**
 * The environment the pod's process sees, with its mounted files: the ConfigMap's and the
 * Secret's items written under a temp dir standing for each mount path (as the kubelet does), and
 * every env value that names a file there pointed at that copy.
 */
function podEnv(root: string): Record<string, string> {
  const mounts = container.volumeMounts ?? [];
  for (const mount of mounts) {
    const volume = pod.volumes?.find((v) => v.name === mount.name);
    const dir = join(root, mount.name);
    mkdirSync(dir, { recursive: true });
    if (volume?.configMap) for (const [k, v] of Object.entries(configMap.data ?? {})) writeFileSync(join(dir, k), v);
    for (const item of volume?.secret?.items ?? [])
      writeFileSync(join(dir, item.path), defined(secret.stringData?.[item.key], item.key));
  }
  const local = (value: string): string => {
    const mount = mounts.find((m) => value.startsWith(`${m.mountPath}/`));
    return mount ? join(root, mount.name, value.slice(mount.mountPath.length + 1)) : value;
  };
  return Object.fromEntries(
    env.map((e) => [
      e.name,
      e.valueFrom?.secretKeyRef
        ? defined(secret.stringData?.[e.valueFrom.secretKeyRef.key], e.name)
        : local(defined(e.value, e.name)),
    ]),
  );
}

describe('the Kubernetes manifests (config/kubernetes)', () => {
  let root: string;
  let config: GatewayConfig;
  const read = new Set<string>();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'k8s-'));
    // Every variable the config loader asks for, whether or not it is set.
    const recording = new Proxy(podEnv(root), {
      get: (target, name) => {
        if (typeof name === 'string') read.add(name);
        return target[name as string];
      },
    });
    config = loadGatewayConfig(recording);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(manifests.map((m) => [m.file, m.doc.kind, m.doc] as const))(
    '%s (%s) is valid against the Kubernetes schema',
    (_file, kind, doc) => {
      const Model = defined(MODELS[kind], `a model for ${kind}`);
      expect(() => new Model(doc as never).validate()).not.toThrow();
    },
  );

  it('(the schema check has teeth: a Deployment with a malformed field is refused)', () => {
    const broken = { ...ofKind('Deployment'), spec: { ...deployment.spec, replicas: 'three' } };
    expect(() => new Deployment(broken as never).validate()).toThrow();
  });

  it('give the gateway a config it loads: every env name is a setting it reads', () => {
    expect(config.server.production).toBe(true);
    expect(env.map((e) => e.name).filter((name) => !read.has(name))).toEqual([]);
  });

  it('mount every *_FILE from a Secret volume holding that file', () => {
    const fileVars = env.filter((e) => e.name.endsWith('_FILE') && e.name !== 'GATEWAY_CONFIG_FILE');
    expect(fileVars.length).toBeGreaterThan(0);
    for (const e of fileVars) {
      const value = defined(e.value, e.name);
      const volume = volumeOf(value);
      expect({ [e.name]: volume?.secret?.secretName }).toEqual({ [e.name]: secret.metadata?.name });
      const file = value.slice(value.lastIndexOf('/') + 1);
      expect(volume?.secret?.items?.map((i) => i.path)).toContain(file);
    }
    expect(
      volumeOf(defined(env.find((e) => e.name === 'GATEWAY_CONFIG_FILE')?.value, 'config file'))?.configMap?.name,
    ).toBe(configMap.metadata?.name);
  });

  it("listen on the gateway's default port, the one the Service and Prometheus use", () => {
    const port = defined(container.ports?.[0], 'container port');
    const defaults = loadGatewayConfig({
      GATEWAY_CONFIG_JSON: JSON.stringify({ upstream: { v3BaseUrl: 'http://127.0.0.1:1' }, games: [], clients: [] }),
    });
    expect(port.containerPort).toBe(defaults.server.port);
    expect(config.server.port).toBe(defaults.server.port);
    expect(deployment.spec?.template.metadata?.annotations?.['prometheus.io/port']).toBe(String(port.containerPort));
    expect(service.spec?.ports?.[0].targetPort).toBe(port.name);
  });

  it('run the node flags of `npm run start:gateway`', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(container.command).toEqual(pkg.scripts['start:gateway'].split(/\s+/));
  });

  it('give a stopping pod its preStop, the drain delay and the drain bound before SIGKILL', () => {
    const preStop = defined(container.lifecycle?.preStop?.exec?.command, 'preStop');
    expect(preStop[0]).toBe('sleep');
    const stoppingMs =
      Number(preStop[1]) * 1000 + config.server.shutdownDrainDelayMs + drainBoundMs(config.resilience.deadlineMs);
    expect(stoppingMs).toBeLessThanOrEqual(defined(pod.terminationGracePeriodSeconds, 'grace') * 1000);
    expect(config.server.shutdownDrainDelayMs).toBeGreaterThan(0);
  });

  it('select the Deployment from the Service, the HPA and the PDB', () => {
    const labels = deployment.spec?.template.metadata?.labels ?? {};
    const selects = (selector: Record<string, string> = {}) =>
      Object.entries(selector).every(([k, v]) => labels[k] === v) && Object.keys(selector).length > 0;
    expect(selects(service.spec?.selector)).toBe(true);
    expect(selects(pdb.spec?.selector?.matchLabels)).toBe(true);
    expect(hpa.spec?.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata?.name });
  });

  describe('probe and scrape paths', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      ({ app } = await createGateway({
        env: {
          GATEWAY_CONFIG_JSON: JSON.stringify({
            upstream: { v3BaseUrl: 'http://127.0.0.1:1' },
            games: [],
            clients: [],
          }),
          LOG_LEVEL: 'silent',
        },
        // A destination of the test's own: the default ones (stdout, stderr) stay open after the app closes.
        logDestination: { write: () => undefined },
      }));
      await app.init();
    });
    afterAll(() => app.close());

    it('are routes of the gateway', () => {
      const paths = [
        container.readinessProbe?.httpGet?.path,
        container.livenessProbe?.httpGet?.path,
        deployment.spec?.template.metadata?.annotations?.['prometheus.io/path'],
      ];
      const fastify = app.getHttpAdapter().getInstance();
      for (const url of paths)
        expect({ url, route: fastify.hasRoute({ method: 'GET', url: defined(url, 'path') }) }).toEqual({
          url,
          route: true,
        });
    });
  });
});
