const he = require('he');
print(he.encode('foo © bar ≠ baz 𝌆 qux'), he.decode('&lt;p&gt;&eacute;&#x1D306;&amp;'), he.escape('<img src="x">'));
