import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitRepository } from '../../src/git/gitRepository.js';
import { loadFixture } from '../helpers.js';
import { fixtures, invalidScenarios, MINIMAL_PLAN, scenario, tempDir, TODAY } from '../helpers.js';
import { commitAll, initRepository } from './repository.js';

const today = TODAY;

describe('GitRepository', () => {
  it('reads a committed workspace exactly as loadWorkspace reads the same files on disk, valid or broken', () => {
    const repo = tempDir();
    initRepository(repo);
    const names = ['minimal', ...invalidScenarios()];
    for (const name of names) cpSync(join(scenario(name === 'minimal' ? undefined : name), 'plan'), join(repo, name, 'plan'), { recursive: true });
    // Bytes that are not UTF-8, and a folder where a file should be.
    cpSync(join(fixtures, 'minimal', 'plan'), join(repo, 'odd', 'plan'), { recursive: true });
    const odd = join(repo, 'odd', 'plan', MINIMAL_PLAN);
    writeFileSync(join(odd, 'analysis.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    rmSync(join(odd, 'training.yaml'));
    mkdirSync(join(odd, 'training.yaml'));
    cpSync(join(fixtures, 'minimal', 'plan', 'organisations', 'north.yaml'), join(odd, 'training.yaml', 'north.yaml'));
    commitAll(repo, 'every scenario');
    for (const name of [...names, 'odd']) {
      const cwd = join(repo, name);
      const dir = join(cwd, 'plan');
      const repository = GitRepository.of(dir, 'plan');
      const fromGit = loadFixture(dir, { cwd, today, source: repository.source(repository.commit('HEAD')) });
      const fromDisk = loadFixture(dir, { cwd, today });
      expect(fromGit.findings, name).toEqual(fromDisk.findings);
      expect(fromGit.plan, name).toEqual(fromDisk.plan);
      expect(fromGit.partial, name).toEqual(fromDisk.partial);
      if (name === 'odd') expect(fromGit.findings.map((finding) => `${finding.file} ${finding.rule} ${finding.message}`)).toEqual([
        'plan/north-south/analysis.yaml invalid-utf8 not UTF-8: invalid byte 0xe9 at byte offset 4',
        'plan/north-south/training.yaml unreadable-file a directory, not a file',
      ]);
    }
  });

  it('finds a plan folder anywhere in the repository, whatever its name', () => {
    const repo = tempDir();
    initRepository(repo);
    const dir = join(repo, 'docs', 'our plan [2019]*');
    mkdirSync(join(repo, 'docs'));
    cpSync(join(fixtures, 'minimal', 'plan'), dir, { recursive: true });
    // A sibling whose name the folder's name matches as a pattern must not be read.
    cpSync(join(fixtures, 'invalid', 'yaml-syntax'), join(repo, 'docs', 'our plan 2*'), { recursive: true });
    commitAll(repo, 'plan');
    const repository = GitRepository.of(dir, 'docs');
    expect(repository.prefix).toBe('docs/our plan [2019]*/');
    const loaded = loadFixture(dir, { cwd: repo, today, source: repository.source(repository.commit('main')) });
    expect(loaded.findings).toEqual([]);
    expect(loaded.plan?.activities.map((activity) => activity.id)).toEqual(['AN-1', 'AN-2', 'TR-1']);
  });

  it('names what is wrong: no repository, an unknown revision, no commits yet', () => {
    const outside = tempDir();
    expect(() => GitRepository.of(outside, 'plan')).toThrow('plan is not in a git working tree; plan diff compares git revisions of the plan');
    initRepository(outside);
    const repository = GitRepository.of(outside, 'plan');
    expect(() => repository.commit('HEAD')).toThrow('unknown revision "HEAD" (the repository has no commits yet)');
    writeFileSync(join(outside, 'x'), 'x');
    commitAll(outside, 'x');
    expect(() => repository.commit('nope')).toThrow('unknown revision "nope"');
    expect(() => repository.commit('--all')).toThrow('unknown revision "--all"');
    expect(() => repository.commit('')).toThrow('unknown revision ""');
    expect(repository.commit('HEAD')).toMatch(/^[0-9a-f]{40}$/);
  });
});
