/**
 * Instance types seen accepted on the platform (docs/PLATFORM.md#instance-types). Not exhaustive: the
 * platform's own lists depend on the cloud and region, so an unknown name is only a warning.
 */
export const knownInstanceTypes: readonly string[] = [
  // AWS
  'c3.8xlarge', 'c4.large', 'c4.2xlarge', 'c4.4xlarge', 'c4.8xlarge',
  'c5.xlarge', 'c5.2xlarge', 'c5.4xlarge', 'c5.9xlarge', 'c5.18xlarge', 'c5.24xlarge',
  'c6i.xlarge', 'c6i.2xlarge', 'c7i.xlarge', 'c7i.2xlarge',
  'm2.2xlarge', 'm4.large', 'm5.4xlarge', 'm5.12xlarge', 'm6i.large',
  'r3.8xlarge', 'r4.2xlarge', 'r4.4xlarge', 'r4.8xlarge', 'r5.2xlarge', 'r5.12xlarge',
  // Google Cloud
  'n1-standard-1', 'n1-standard-16', 'n1-standard-32',
];

/** The disk type that goes with each cloud's instance names (`<instance>;<disk>;<GB>`). */
export const diskTypeByCloud = { aws: 'ebs-gp2', google: 'pd-ssd' } as const;

/** Lets the platform choose the instance. */
export const automaticInstanceType = 'AUTO';
