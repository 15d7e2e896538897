use boa_engine::{Context, JsObject, JsValue, js_string, property::PropertyKey};
use std::collections::{HashMap, VecDeque};

fn key_name(k: &PropertyKey) -> String {
    match k {
        PropertyKey::String(s) => s.to_std_string_escaped(),
        PropertyKey::Symbol(s) => {
            let d = s
                .description()
                .map(|d| d.to_std_string_escaped())
                .unwrap_or_default();
            match d.strip_prefix("Symbol.") {
                Some(w) => format!("@@{w}"),
                None => format!("Symbol({d})"),
            }
        }
        PropertyKey::Index(i) => i.get().to_string(),
    }
}

fn is_plain_fn(o: &JsObject, ctx: &mut Context) -> bool {
    if !o.is_callable() {
        return false;
    }
    let keys = o.own_property_keys(ctx).unwrap();
    keys.iter()
        .all(|k| matches!(key_name(k).as_str(), "length" | "name"))
        && o.prototype()
            .is_some_and(|p| p == ctx.intrinsics().constructors().function().prototype())
}

#[test]
fn dump() {
    let mut ctx = Context::default();
    let g = ctx.global_object();
    let i = ctx.intrinsics();
    let c = i.constructors();
    let ip = i.objects().iterator_prototypes();
    let anon: Vec<(&str, JsObject)> = vec![
        ("%ThrowTypeError%", i.objects().throw_type_error().into()),
        ("%TypedArray%", c.typed_array().constructor()),
        ("%ArrayIteratorPrototype%", ip.array()),
        ("%StringIteratorPrototype%", ip.string()),
        ("%MapIteratorPrototype%", ip.map()),
        ("%SetIteratorPrototype%", ip.set()),
        ("%RegExpStringIteratorPrototype%", ip.regexp_string()),
        ("%AsyncIteratorPrototype%", ip.async_iterator()),
        (
            "%AsyncFromSyncIteratorPrototype%",
            ip.async_from_sync_iterator(),
        ),
        ("%IteratorHelperPrototype%", ip.iterator_helper()),
        (
            "%WrapForValidIteratorPrototype%",
            ip.wrap_for_valid_iterator(),
        ),
        ("%GeneratorFunction%", c.generator_function().constructor()),
        ("%Generator%", c.generator_function().prototype()),
        ("%GeneratorPrototype%", i.objects().generator()),
        (
            "%AsyncGeneratorFunction%",
            c.async_generator_function().constructor(),
        ),
        ("%AsyncGenerator%", c.async_generator_function().prototype()),
        ("%AsyncGeneratorPrototype%", i.objects().async_generator()),
        ("%AsyncFunction%", c.async_function().constructor()),
        ("%AsyncFunctionPrototype%", c.async_function().prototype()),
    ];
    let mut names: HashMap<JsObject, String> = HashMap::new();
    let mut queue: VecDeque<(String, JsObject)> = VecDeque::new();
    let mut add = |n: String,
                   o: JsObject,
                   names: &mut HashMap<JsObject, String>,
                   queue: &mut VecDeque<(String, JsObject)>| {
        if names.contains_key(&o) {
            return;
        }
        names.insert(o.clone(), n.clone());
        queue.push_back((n, o));
    };
    for k in g.own_property_keys(&mut ctx).unwrap() {
        let v = g.get(k.clone(), &mut ctx).unwrap();
        if let Some(o) = v.as_object() {
            if o != g {
                add(key_name(&k), o.clone(), &mut names, &mut queue);
            }
        }
    }
    let roots: Vec<(String, JsObject)> = queue.iter().cloned().collect();
    for (n, o) in roots {
        if let Some(d) = o.borrow().properties().get(&js_string!("prototype").into()) {
            if let Some(p) = d.value().and_then(|v| v.as_object()) {
                add(format!("%{n}Prototype%"), p.clone(), &mut names, &mut queue);
            }
        }
    }
    for (n, o) in anon {
        add(n.to_string(), o, &mut names, &mut queue);
    }
    let mut out = String::new();
    while let Some((name, o)) = queue.pop_front() {
        let proto = o
            .prototype()
            .map(|p| {
                names
                    .get(&p)
                    .cloned()
                    .unwrap_or_else(|| format!("?{}", p.is_callable()))
            })
            .unwrap_or("null".into());
        if let Some(p) = o.prototype() {
            if !names.contains_key(&p) {
                let pn = format!("%{}Proto%", name.trim_matches('%'));
                add(pn, p, &mut names, &mut queue);
            }
        }
        let proto = o
            .prototype()
            .map(|p| names[&p].clone())
            .unwrap_or("null".into());
        let _ = proto.len();
        out.push_str(&format!(
            "{name} [[Proto]]={proto}{}\n",
            if o.is_callable() { " callable" } else { "" }
        ));
        for k in o.own_property_keys(&mut ctx).unwrap() {
            let d = o.borrow().properties().get(&k).unwrap();
            let kn = key_name(&k);
            let kind = if let Some(v) = d.value() {
                match v.as_object() {
                    None => format!("type:{}", v.type_of()),
                    Some(vo) => {
                        if let Some(n) = names.get(&vo) {
                            format!("is:{n}")
                        } else if is_plain_fn(&vo, &mut ctx) {
                            "fn".into()
                        } else {
                            let base = name.trim_matches('%');
                            let n = if kn == "prototype" {
                                format!("%{base}Prototype%")
                            } else if name.starts_with('%') {
                                format!("%{base}.{kn}%")
                            } else {
                                format!("%{base}.{kn}%")
                            };
                            add(n.clone(), vo.clone(), &mut names, &mut queue);
                            format!("is:{n}")
                        }
                    }
                }
            } else {
                let acc =
                    |f: Option<&JsValue>,
                     names: &mut HashMap<JsObject, String>,
                     ctx: &mut Context| match f.and_then(|f| f.as_object()) {
                        None => "undefined".to_string(),
                        Some(fo) => {
                            if is_plain_fn(&fo, ctx) {
                                "fn".into()
                            } else {
                                names.get(&fo).cloned().unwrap_or("OBJ".into())
                            }
                        }
                    };
                format!(
                    "accessor:{}/{}",
                    acc(d.get(), &mut names, &mut ctx),
                    acc(d.set(), &mut names, &mut ctx)
                )
            };
            out.push_str(&format!(
                "  {kn} {kind} {}{}{}\n",
                if d.writable() == Some(true) { "w" } else { "" },
                if d.enumerable() == Some(true) {
                    "e"
                } else {
                    ""
                },
                if d.configurable() == Some(true) {
                    "c"
                } else {
                    ""
                }
            ));
        }
    }
    std::fs::write("/tmp/dump/intrinsics.txt", out).unwrap();
    println!("{} objects", names.len());
    let _ = js_string!("x");
}
