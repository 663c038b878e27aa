import { deploy } from '../../src/deploy/run.ts';
import { deploySettingsSchema, readSettings } from '../../src/schema/settings.ts';
import type { S3Server } from './s3-server.ts';

/** What a deploy moved, and how long it took. */
export interface DeployFigures {
  files: number;
  bytes: number;
  deleted: number;
  seconds: number;
}

/**
 * Deploys the build in `dist` to the loopback S3 server as `npm run deploy` does (its function,
 * in this process: the server's keys in the environment only while it runs, where the SDK reads
 * them), 16 uploads at once.
 */
export async function measureDeploy(server: S3Server, dist: string): Promise<DeployFigures> {
  const saved = { AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY };
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: server.env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: server.env.AWS_SECRET_ACCESS_KEY });
  try {
    const result = await deploy({ settings: readSettings(deploySettingsSchema, server.env), dist, concurrency: 16, report: () => {}, warn: () => {} });
    return { files: result.uploaded.length, bytes: result.uploaded.reduce((sum, file) => sum + file.size, 0), deleted: result.deleted.length, seconds: result.seconds };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
