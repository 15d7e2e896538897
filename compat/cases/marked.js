const { marked } = require('marked');
print(marked.parse('# Title\n\nSome *emphasis* and `code`, a [link](http://x.y/a\\/b).\n\n- one\n- two\n'));
print(marked.parse('www.example.com and http://example.com/path', { gfm: true }));
print(marked.parseInline('**bold** <em>html</em>'));
