/**
 * `execution_settings.instance_type`: `<instance>` or `<instance>;<disk type>;<GB>`, with the
 * disk type of the instance's cloud (docs/PLATFORM.md#instance-types). Names the platform may still offer but
 * that are not known here are a warning only. Types and minimums are the body schema's job.
 */
import type { TaskContext } from '../providers';
import { valueOf, type Node } from '../document/taskDocument';
import { automaticInstanceType, diskTypeByCloud, knownInstanceTypes } from '../schema/instanceTypes';
import type { Reporter } from './report';

const awsName = /^[a-z][a-z0-9-]*\.[0-9a-z]+$/;
const googleName = /^[a-z][a-z0-9]*-[a-z]+-\d+$/;

export function checkExecutionSettings(root: Node, context: TaskContext, reporter: Reporter): void {
  let value = valueOf(valueOf(root, 'execution_settings'), 'instance_type');
  if (value?.type === 'array') {
    // The SDKs also accept a one-element list.
    if ((value.children?.length ?? 0) !== 1) {
      reporter.report(value, 'sbg.instance-type', `'instance_type' takes one instance type: write it as a string, such as "c5.2xlarge;ebs-gp2;1024".`);
      return;
    }
    value = value.children![0];
  }
  if (value?.type !== 'string') return;
  checkInstanceType(value, value.value as string, context, reporter);
}

function checkInstanceType(node: Node, text: string, context: TaskContext, reporter: Reporter): void {
  if (text === automaticInstanceType) return;
  const parts = text.split(';');
  const [name, disk, size] = parts;
  const cloud = awsName.test(name) ? 'aws' : googleName.test(name) ? 'google' : undefined;
  if (!cloud || (parts.length !== 1 && parts.length !== 3)) {
    reporter.report(node, 'sbg.instance-type', `"${text}" is not an instance type: write <instance> or <instance>;<disk type>;<size in GB>, such as "c5.2xlarge;ebs-gp2;1024" or "n1-standard-16;pd-ssd;2000".`);
    return;
  }
  if (parts.length === 3) {
    const diskType = diskTypeByCloud[cloud];
    if (disk !== diskType) {
      reporter.report(node, 'sbg.instance-type', `The disk type of "${name}" is ${diskType}, not "${disk}": write "${name};${diskType};${size}".`);
      return;
    }
    if (!/^[1-9]\d*$/.test(size)) {
      reporter.report(node, 'sbg.instance-type', `The disk size in "${text}" must be a whole number of GB (1 or more), such as "${name};${diskType};1024".`);
      return;
    }
  }
  if (!knownInstanceTypes.includes(name)) {
    reporter.report(node, 'sbg.unknown-instance-type', `"${name}" is not a known instance type; the platform may refuse it. Check the name against the instance list of your project's cloud.`);
  }
}
