const { z } = require('zod');
const User = z.object({ name: z.string().min(2), age: z.number().int().positive(), tags: z.array(z.string()).default([]) });
print(JSON.stringify(User.parse({ name: 'Ann', age: 31 })));
const result = User.safeParse({ name: 'A', age: -1 });
print(result.success, JSON.stringify(result.error.issues.map(i => i.path.join('.'))));
const Shape = z.discriminatedUnion('kind', [z.object({ kind: z.literal('circle'), r: z.number() }), z.object({ kind: z.literal('square'), s: z.number() })]);
print(JSON.stringify(Shape.parse({ kind: 'square', s: 2 })));
print(JSON.stringify(z.union([z.string(), z.number()]).array().parse(['a', 1])));
