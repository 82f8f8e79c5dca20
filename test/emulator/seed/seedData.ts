/** The shape of a seed: what the emulated platform holds when it starts. */
export interface SeedUser {
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  token: string;
  /** A token of this user that the platform reports as expired. */
  expiredToken?: string;
}

export interface SeedProject {
  id: string;
  name: string;
  members: string[];
  isPublic?: boolean;
  description?: string;
  category?: string;
  tags?: string[];
}

export interface SeedAppRevision {
  raw: Record<string, unknown>;
  /** The YAML the raw was read from, when the app was written in YAML. */
  yaml?: string;
}

export interface SeedApp {
  project: string;
  /** Short name (the third part of the app id). */
  name: string;
  revisions: SeedAppRevision[];
}

export interface SeedFile {
  project: string;
  name: string;
  type?: 'file' | 'folder';
  /** Name of a folder of the same project; the project's root when absent. */
  folder?: string;
  size?: number;
  metadata?: Record<string, string>;
  tags?: string[];
}

export interface SeedData {
  /** The first user is the default one (`tokens.valid`), the second is `tokens.other`. */
  users: SeedUser[];
  projects: SeedProject[];
  apps: SeedApp[];
  files: SeedFile[];
}
