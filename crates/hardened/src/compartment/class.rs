//! The JavaScript `Compartment` class: one shared `Compartment.prototype`, and a fresh, frozen
//! constructor in every compartment whose instances are children of that compartment.

use boa_engine::{
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsSymbol, JsValue,
    NativeFunction, js_string,
    native_function::NativeFunctionPointer,
    object::{FunctionObjectBuilder, ObjectInitializer},
    property::Attribute,
};
use boa_gc::Gc;

use super::{CompartmentRecord, CompartmentSpec, options::read_transforms};
use crate::{
    evaluator, module,
    parse::DirectEval,
    record::{CompartmentInstance, this_compartment},
};

/// The parts of the class every compartment shares.
pub(crate) struct SharedClass {
    pub(crate) prototype: JsObject,
}

impl SharedClass {
    /// Builds the class and keeps it in the context's host data.
    pub(crate) fn install(context: &mut Context) {
        let class = Self::new(context);
        context.insert_data(class);
    }

    pub(crate) fn get(context: &Context) -> &Self {
        context
            .get_data::<Self>()
            .expect("the Compartment class is installed when the engine is built")
    }

    /// Builds `Compartment.prototype` with its methods, accessors and inert `constructor`.
    fn new(context: &mut Context) -> Self {
        let realm = context.realm().clone();
        let getter = |name: &str, f: NativeFunctionPointer| {
            FunctionObjectBuilder::new(&realm, NativeFunction::from_fn_ptr(f))
                .name(JsString::from(format!("get {name}")))
                .build()
        };
        let global_this = getter("globalThis", |this, _, context| {
            Ok(this_compartment(this, "globalThis", context)?
                .global
                .clone()
                .into())
        });
        let name = getter("name", |this, _, context| {
            Ok(this_compartment(this, "name", context)?.name.clone().into())
        });
        let no_namespace_box = getter("__noNamespaceBox__", |this, _, context| {
            let record = this_compartment(this, "__noNamespaceBox__", context)?;
            Ok((!module::methods::boxes_namespace(&record, context)).into())
        });
        let inert = FunctionObjectBuilder::new(
            &realm,
            NativeFunction::from_fn_ptr(|_, _, _| {
                Err(JsNativeError::typ()
                    .with_message("Compartment.prototype.constructor is not a valid constructor.")
                    .into())
            }),
        )
        .name(js_string!("Compartment"))
        .constructor(true)
        .build();

        let mut prototype = ObjectInitializer::new(context);
        prototype
            .property(
                js_string!("constructor"),
                inert,
                Attribute::WRITABLE | Attribute::CONFIGURABLE,
            )
            .function(
                NativeFunction::from_fn_ptr(evaluate),
                js_string!("evaluate"),
                1,
            )
            .accessor(
                js_string!("globalThis"),
                Some(global_this),
                None,
                Attribute::CONFIGURABLE,
            )
            .accessor(
                js_string!("name"),
                Some(name),
                None,
                Attribute::CONFIGURABLE,
            )
            .property(
                JsSymbol::to_string_tag(),
                js_string!("Compartment"),
                Attribute::CONFIGURABLE,
            );
        let methods: [(&str, NativeFunctionPointer); 4] = [
            ("import", module::methods::import),
            ("importNow", module::methods::import_now),
            ("load", module::methods::load),
            ("module", module::methods::module),
        ];
        for (method, function) in methods {
            prototype.function(
                NativeFunction::from_fn_ptr(function),
                JsString::from(method),
                1,
            );
        }
        prototype.accessor(
            js_string!("__noNamespaceBox__"),
            Some(no_namespace_box),
            None,
            Attribute::CONFIGURABLE,
        );
        Self {
            prototype: prototype.build(),
        }
    }
}

/// `Compartment.prototype.evaluate(source, {transforms, sloppyGlobalsMode})`.
fn evaluate(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let record = this_compartment(this, "evaluate", context)?;
    let Some(source) = args.get_or_undefined(0).as_string() else {
        return Err(JsNativeError::typ()
            .with_message("first argument of evaluate() must be a string")
            .into());
    };
    let options = args.get_or_undefined(1);
    let (transforms, sloppy_globals, reject_direct_eval) = match options.as_object() {
        Some(options) => (
            read_transforms(&options.get(js_string!("transforms"), context)?, context)?,
            options
                .get(js_string!("sloppyGlobalsMode"), context)?
                .to_boolean(),
            // SES: `{ __rejectSomeDirectEvalExpressions__ = true } = options`, tested for truth.
            match options.get(js_string!("__rejectSomeDirectEvalExpressions__"), context)? {
                value if value.is_undefined() => true,
                value => value.to_boolean(),
            },
        ),
        None if options.is_undefined() => (Vec::new(), false, true),
        None => {
            return Err(JsNativeError::typ()
                .with_message("options of evaluate() must be an object")
                .into());
        }
    };
    let direct_eval = if reject_direct_eval {
        record.direct_eval()
    } else {
        DirectEval::Accept
    };
    evaluator::evaluate(
        context,
        &record,
        source,
        &evaluator::Request {
            name: "<evaluate>",
            transforms: &transforms,
            sloppy_globals,
            direct_eval,
            completion: evaluator::Completion::Value,
        },
    )
}

/// A compartment's own `Compartment` constructor: `new Compartment(...)` makes a child of
/// `parent`.
pub(super) fn make_constructor(
    context: &mut Context,
    parent: &Gc<CompartmentRecord>,
) -> JsResult<JsObject> {
    let constructor = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(construct, parent.clone()),
    )
    .name(js_string!("Compartment"))
    .length(0)
    .constructor(true)
    .build();
    let prototype = SharedClass::get(context).prototype.clone();
    let constructor: JsObject = constructor.into();
    crate::commons::set_fixed_prototype(&constructor, prototype, context)?;
    Ok(constructor)
}

fn construct(
    new_target: &JsValue,
    args: &[JsValue],
    parent: &Gc<CompartmentRecord>,
    context: &mut Context,
) -> JsResult<JsValue> {
    crate::stack::ensure_native_stack()?;
    parent.check_engine(context)?;
    // Boa passes `new_target` as `this` to native constructors; a plain call passes the
    // receiver, which is not a constructor in any legitimate use.
    let Some(new_target) = new_target.as_object().filter(JsObject::is_constructor) else {
        return Err(JsNativeError::typ()
            .with_message("Class constructor Compartment cannot be invoked without 'new'")
            .into());
    };
    let spec = CompartmentSpec::from_arguments(args, context)?;
    let prototype = match new_target
        .get(js_string!("prototype"), context)?
        .as_object()
    {
        Some(prototype) => prototype,
        None => SharedClass::get(context).prototype.clone(),
    };
    let record = CompartmentRecord::create(context, Some(parent.clone()), spec)?;
    Ok(CompartmentInstance::make(&record, prototype, context).into())
}
