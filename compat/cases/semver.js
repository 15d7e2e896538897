const semver = require('semver');
print(semver.valid('1.2.3'), semver.satisfies('1.2.3', '^1.0.0'), semver.gt('2.0.0', '1.9.9'));
print(semver.maxSatisfying(['1.2.3', '1.4.0', '2.0.0'], '~1.2 || ~1.4'), semver.inc('1.2.3', 'minor'));
print(semver.coerce('v3.1').version, JSON.stringify(semver.sort(['1.10.0', '1.2.0', '1.9.0'])));
