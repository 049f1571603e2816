// Lets jest's TypeScript compile components that import CSS modules. In the gulp build the
// generated *.module.scss.ts files provide the real class names; in tests identity-obj-proxy does.
declare module '*.module.scss' {
  const classes: { readonly [className: string]: string };
  export default classes;
}
