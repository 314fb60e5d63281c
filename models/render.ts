// The one shape every renderer has: a view model and its options in, an output out (a renderer without
// options takes `void`, so it is called with the view alone). A renderer reads its view only, never the
// model, the rules or a stage of src/, and every word it prints comes from the view.
export type Renderer<View, Options = void, Output = string> = (view: View, options: Options) => Output;
