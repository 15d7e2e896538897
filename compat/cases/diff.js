const Diff = require('diff');
print(JSON.stringify(Diff.diffWords('the quick fox', 'the slow fox').map(p => [p.added ? '+' : p.removed ? '-' : '=', p.value])));
print(Diff.createTwoFilesPatch('a', 'b', 'one\ntwo\n', 'one\nthree\n', '', ''));
