/* Tomatoes card 0.1.0. Built from frontend/ by scripts/build_card; edit the sources, not this file. */
var e1="M14,19H18V5H14M6,19H10V5H6V19Z";var $="M8,5.14V19.14L19,12.14L8,5.14Z";var t1="M16,18H18V6H16M6,18L14.5,12L6,6V18Z";var i1="M18,18H6V6H18V18Z";var A1="M11 8H13V14H11V8M15 1H9V3H15V1M12 20C8.13 20 5 16.87 5 13S8.13 6 12 6 19 9.13 19 13C19.7 13 20.36 13.13 21 13.35C21 13.23 21 13.12 21 13C21 10.88 20.26 8.93 19.03 7.39L20.45 5.97C20 5.46 19.55 5 19.04 4.56L17.62 6C16.07 4.74 14.12 4 12 4C7.03 4 3 8.03 3 13S7.03 22 12 22C12.59 22 13.16 21.94 13.71 21.83C13.4 21.25 13.18 20.6 13.08 19.91C12.72 19.96 12.37 20 12 20M20 18V15H18V18H15V20H18V23H20V20H23V18H20Z";var R=globalThis,D=R.ShadowRoot&&(R.ShadyCSS===void 0||R.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,U=Symbol(),o1=new WeakMap,k=class{constructor(C,H,V){if(this._$cssResult$=!0,V!==U)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=C,this.t=H}get styleSheet(){let C=this.o,H=this.t;if(D&&C===void 0){let V=H!==void 0&&H.length===1;V&&(C=o1.get(H)),C===void 0&&((this.o=C=new CSSStyleSheet).replaceSync(this.cssText),V&&o1.set(H,C))}return C}toString(){return this.cssText}},a1=M=>new k(typeof M=="string"?M:M+"",void 0,U),G=(M,...C)=>{let H=M.length===1?M[0]:C.reduce((V,L,r)=>V+(e=>{if(e._$cssResult$===!0)return e.cssText;if(typeof e=="number")return e;throw Error("Value passed to 'css' function must be a 'css' function result: "+e+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(L)+M[r+1],M[0]);return new k(H,M,U)},d1=(M,C)=>{if(D)M.adoptedStyleSheets=C.map(H=>H instanceof CSSStyleSheet?H:H.styleSheet);else for(let H of C){let V=document.createElement("style"),L=R.litNonce;L!==void 0&&V.setAttribute("nonce",L),V.textContent=H.cssText,M.appendChild(V)}},Q=D?M=>M:M=>M instanceof CSSStyleSheet?(C=>{let H="";for(let V of C.cssRules)H+=V.cssText;return a1(H)})(M):M;var{is:I1,defineProperty:$1,getOwnPropertyDescriptor:U1,getOwnPropertyNames:G1,getOwnPropertySymbols:Q1,getPrototypeOf:z1}=Object,E=globalThis,p1=E.trustedTypes,K1=p1?p1.emptyScript:"",q1=E.reactiveElementPolyfillSupport,b=(M,C)=>M,z={toAttribute(M,C){switch(C){case Boolean:M=M?K1:null;break;case Object:case Array:M=M==null?M:JSON.stringify(M)}return M},fromAttribute(M,C){let H=M;switch(C){case Boolean:H=M!==null;break;case Number:H=M===null?null:Number(M);break;case Object:case Array:try{H=JSON.parse(M)}catch{H=null}}return H}},v1=(M,C)=>!I1(M,C),m1={attribute:!0,type:String,converter:z,reflect:!1,useDefault:!1,hasChanged:v1};Symbol.metadata??=Symbol("metadata"),E.litPropertyMetadata??=new WeakMap;var v=class extends HTMLElement{static addInitializer(C){this._$Ei(),(this.l??=[]).push(C)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(C,H=m1){if(H.state&&(H.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(C)&&((H=Object.create(H)).wrapped=!0),this.elementProperties.set(C,H),!H.noAccessor){let V=Symbol(),L=this.getPropertyDescriptor(C,V,H);L!==void 0&&$1(this.prototype,C,L)}}static getPropertyDescriptor(C,H,V){let{get:L,set:r}=U1(this.prototype,C)??{get(){return this[H]},set(e){this[H]=e}};return{get:L,set(e){let i=L?.call(this);r?.call(this,e),this.requestUpdate(C,i,V)},configurable:!0,enumerable:!0}}static getPropertyOptions(C){return this.elementProperties.get(C)??m1}static _$Ei(){if(this.hasOwnProperty(b("elementProperties")))return;let C=z1(this);C.finalize(),C.l!==void 0&&(this.l=[...C.l]),this.elementProperties=new Map(C.elementProperties)}static finalize(){if(this.hasOwnProperty(b("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(b("properties"))){let H=this.properties,V=[...G1(H),...Q1(H)];for(let L of V)this.createProperty(L,H[L])}let C=this[Symbol.metadata];if(C!==null){let H=litPropertyMetadata.get(C);if(H!==void 0)for(let[V,L]of H)this.elementProperties.set(V,L)}this._$Eh=new Map;for(let[H,V]of this.elementProperties){let L=this._$Eu(H,V);L!==void 0&&this._$Eh.set(L,H)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(C){let H=[];if(Array.isArray(C)){let V=new Set(C.flat(1/0).reverse());for(let L of V)H.unshift(Q(L))}else C!==void 0&&H.push(Q(C));return H}static _$Eu(C,H){let V=H.attribute;return V===!1?void 0:typeof V=="string"?V:typeof C=="string"?C.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(C=>this.enableUpdating=C),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(C=>C(this))}addController(C){(this._$EO??=new Set).add(C),this.renderRoot!==void 0&&this.isConnected&&C.hostConnected?.()}removeController(C){this._$EO?.delete(C)}_$E_(){let C=new Map,H=this.constructor.elementProperties;for(let V of H.keys())this.hasOwnProperty(V)&&(C.set(V,this[V]),delete this[V]);C.size>0&&(this._$Ep=C)}createRenderRoot(){let C=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return d1(C,this.constructor.elementStyles),C}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(C=>C.hostConnected?.())}enableUpdating(C){}disconnectedCallback(){this._$EO?.forEach(C=>C.hostDisconnected?.())}attributeChangedCallback(C,H,V){this._$AK(C,V)}_$ET(C,H){let V=this.constructor.elementProperties.get(C),L=this.constructor._$Eu(C,V);if(L!==void 0&&V.reflect===!0){let r=(V.converter?.toAttribute!==void 0?V.converter:z).toAttribute(H,V.type);this._$Em=C,r==null?this.removeAttribute(L):this.setAttribute(L,r),this._$Em=null}}_$AK(C,H){let V=this.constructor,L=V._$Eh.get(C);if(L!==void 0&&this._$Em!==L){let r=V.getPropertyOptions(L),e=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:z;this._$Em=L;let i=e.fromAttribute(H,r.type);this[L]=i??this._$Ej?.get(L)??i,this._$Em=null}}requestUpdate(C,H,V,L=!1,r){if(C!==void 0){let e=this.constructor;if(L===!1&&(r=this[C]),V??=e.getPropertyOptions(C),!((V.hasChanged??v1)(r,H)||V.useDefault&&V.reflect&&r===this._$Ej?.get(C)&&!this.hasAttribute(e._$Eu(C,V))))return;this.C(C,H,V)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(C,H,{useDefault:V,reflect:L,wrapped:r},e){V&&!(this._$Ej??=new Map).has(C)&&(this._$Ej.set(C,e??H??this[C]),r!==!0||e!==void 0)||(this._$AL.has(C)||(this.hasUpdated||V||(H=void 0),this._$AL.set(C,H)),L===!0&&this._$Em!==C&&(this._$Eq??=new Set).add(C))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(H){Promise.reject(H)}let C=this.scheduleUpdate();return C!=null&&await C,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[L,r]of this._$Ep)this[L]=r;this._$Ep=void 0}let V=this.constructor.elementProperties;if(V.size>0)for(let[L,r]of V){let{wrapped:e}=r,i=this[L];e!==!0||this._$AL.has(L)||i===void 0||this.C(L,void 0,r,i)}}let C=!1,H=this._$AL;try{C=this.shouldUpdate(H),C?(this.willUpdate(H),this._$EO?.forEach(V=>V.hostUpdate?.()),this.update(H)):this._$EM()}catch(V){throw C=!1,this._$EM(),V}C&&this._$AE(H)}willUpdate(C){}_$AE(C){this._$EO?.forEach(H=>H.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(C)),this.updated(C)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(C){return!0}update(C){this._$Eq&&=this._$Eq.forEach(H=>this._$ET(H,this[H])),this._$EM()}updated(C){}firstUpdated(C){}};v.elementStyles=[],v.shadowRootOptions={mode:"open"},v[b("elementProperties")]=new Map,v[b("finalized")]=new Map,q1?.({ReactiveElement:v}),(E.reactiveElementVersions??=[]).push("2.1.2");var C1=globalThis,x1=M=>M,N=C1.trustedTypes,n1=N?N.createPolicy("lit-html",{createHTML:M=>M}):void 0,c1="$lit$",l=`lit$${Math.random().toFixed(9).slice(2)}$`,O1="?"+l,j1=`<${O1}>`,c=document,P=()=>c.createComment(""),y=M=>M===null||typeof M!="object"&&typeof M!="function",H1=Array.isArray,X1=M=>H1(M)||typeof M?.[Symbol.iterator]=="function",K=`[ 	
\f\r]`,B=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,l1=/-->/g,Z1=/>/g,u=RegExp(`>|${K}(?:([^\\s"'>=/]+)(${K}*=${K}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),S1=/'/g,u1=/"/g,h1=/^(?:script|style|textarea|title)$/i,V1=M=>(C,...H)=>({_$litType$:M,strings:C,values:H}),d=V1(1),g1=V1(2),x2=V1(3),O=Symbol.for("lit-noChange"),o=Symbol.for("lit-nothing"),s1=new WeakMap,s=c.createTreeWalker(c,129);function f1(M,C){if(!H1(M)||!M.hasOwnProperty("raw"))throw Error("invalid template strings array");return n1!==void 0?n1.createHTML(C):C}var Y1=(M,C)=>{let H=M.length-1,V=[],L,r=C===2?"<svg>":C===3?"<math>":"",e=B;for(let i=0;i<H;i++){let t=M[i],A,p,a=-1,m=0;for(;m<t.length&&(e.lastIndex=m,p=e.exec(t),p!==null);)m=e.lastIndex,e===B?p[1]==="!--"?e=l1:p[1]!==void 0?e=Z1:p[2]!==void 0?(h1.test(p[2])&&(L=RegExp("</"+p[2],"g")),e=u):p[3]!==void 0&&(e=u):e===u?p[0]===">"?(e=L??B,a=-1):p[1]===void 0?a=-2:(a=e.lastIndex-p[2].length,A=p[1],e=p[3]===void 0?u:p[3]==='"'?u1:S1):e===u1||e===S1?e=u:e===l1||e===Z1?e=B:(e=u,L=void 0);let n=e===u&&M[i+1].startsWith("/>")?" ":"";r+=e===B?t+j1:a>=0?(V.push(A),t.slice(0,a)+c1+t.slice(a)+l+n):t+l+(a===-2?i:n)}return[f1(M,r+(M[H]||"<?>")+(C===2?"</svg>":C===3?"</math>":"")),V]},w=class M{constructor({strings:C,_$litType$:H},V){let L;this.parts=[];let r=0,e=0,i=C.length-1,t=this.parts,[A,p]=Y1(C,H);if(this.el=M.createElement(A,V),s.currentNode=this.el.content,H===2||H===3){let a=this.el.content.firstChild;a.replaceWith(...a.childNodes)}for(;(L=s.nextNode())!==null&&t.length<i;){if(L.nodeType===1){if(L.hasAttributes())for(let a of L.getAttributeNames())if(a.endsWith(c1)){let m=p[e++],n=L.getAttribute(a).split(l),F=/([.?@])?(.*)/.exec(m);t.push({type:1,index:r,name:F[2],strings:n,ctor:F[1]==="."?j:F[1]==="?"?X:F[1]==="@"?Y:g}),L.removeAttribute(a)}else a.startsWith(l)&&(t.push({type:6,index:r}),L.removeAttribute(a));if(h1.test(L.tagName)){let a=L.textContent.split(l),m=a.length-1;if(m>0){L.textContent=N?N.emptyScript:"";for(let n=0;n<m;n++)L.append(a[n],P()),s.nextNode(),t.push({type:2,index:++r});L.append(a[m],P())}}}else if(L.nodeType===8)if(L.data===O1)t.push({type:2,index:r});else{let a=-1;for(;(a=L.data.indexOf(l,a+1))!==-1;)t.push({type:7,index:r}),a+=l.length-1}r++}}static createElement(C,H){let V=c.createElement("template");return V.innerHTML=C,V}};function h(M,C,H=M,V){if(C===O)return C;let L=V!==void 0?H._$Co?.[V]:H._$Cl,r=y(C)?void 0:C._$litDirective$;return L?.constructor!==r&&(L?._$AO?.(!1),r===void 0?L=void 0:(L=new r(M),L._$AT(M,H,V)),V!==void 0?(H._$Co??=[])[V]=L:H._$Cl=L),L!==void 0&&(C=h(M,L._$AS(M,C.values),L,V)),C}var q=class{constructor(C,H){this._$AV=[],this._$AN=void 0,this._$AD=C,this._$AM=H}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(C){let{el:{content:H},parts:V}=this._$AD,L=(C?.creationScope??c).importNode(H,!0);s.currentNode=L;let r=s.nextNode(),e=0,i=0,t=V[0];for(;t!==void 0;){if(e===t.index){let A;t.type===2?A=new T(r,r.nextSibling,this,C):t.type===1?A=new t.ctor(r,t.name,t.strings,this,C):t.type===6&&(A=new J(r,this,C)),this._$AV.push(A),t=V[++i]}e!==t?.index&&(r=s.nextNode(),e++)}return s.currentNode=c,L}p(C){let H=0;for(let V of this._$AV)V!==void 0&&(V.strings!==void 0?(V._$AI(C,V,H),H+=V.strings.length-2):V._$AI(C[H])),H++}},T=class M{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(C,H,V,L){this.type=2,this._$AH=o,this._$AN=void 0,this._$AA=C,this._$AB=H,this._$AM=V,this.options=L,this._$Cv=L?.isConnected??!0}get parentNode(){let C=this._$AA.parentNode,H=this._$AM;return H!==void 0&&C?.nodeType===11&&(C=H.parentNode),C}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(C,H=this){C=h(this,C,H),y(C)?C===o||C==null||C===""?(this._$AH!==o&&this._$AR(),this._$AH=o):C!==this._$AH&&C!==O&&this._(C):C._$litType$!==void 0?this.$(C):C.nodeType!==void 0?this.T(C):X1(C)?this.k(C):this._(C)}O(C){return this._$AA.parentNode.insertBefore(C,this._$AB)}T(C){this._$AH!==C&&(this._$AR(),this._$AH=this.O(C))}_(C){this._$AH!==o&&y(this._$AH)?this._$AA.nextSibling.data=C:this.T(c.createTextNode(C)),this._$AH=C}$(C){let{values:H,_$litType$:V}=C,L=typeof V=="number"?this._$AC(C):(V.el===void 0&&(V.el=w.createElement(f1(V.h,V.h[0]),this.options)),V);if(this._$AH?._$AD===L)this._$AH.p(H);else{let r=new q(L,this),e=r.u(this.options);r.p(H),this.T(e),this._$AH=r}}_$AC(C){let H=s1.get(C.strings);return H===void 0&&s1.set(C.strings,H=new w(C)),H}k(C){H1(this._$AH)||(this._$AH=[],this._$AR());let H=this._$AH,V,L=0;for(let r of C)L===H.length?H.push(V=new M(this.O(P()),this.O(P()),this,this.options)):V=H[L],V._$AI(r),L++;L<H.length&&(this._$AR(V&&V._$AB.nextSibling,L),H.length=L)}_$AR(C=this._$AA.nextSibling,H){for(this._$AP?.(!1,!0,H);C!==this._$AB;){let V=x1(C).nextSibling;x1(C).remove(),C=V}}setConnected(C){this._$AM===void 0&&(this._$Cv=C,this._$AP?.(C))}},g=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(C,H,V,L,r){this.type=1,this._$AH=o,this._$AN=void 0,this.element=C,this.name=H,this._$AM=L,this.options=r,V.length>2||V[0]!==""||V[1]!==""?(this._$AH=Array(V.length-1).fill(new String),this.strings=V):this._$AH=o}_$AI(C,H=this,V,L){let r=this.strings,e=!1;if(r===void 0)C=h(this,C,H,0),e=!y(C)||C!==this._$AH&&C!==O,e&&(this._$AH=C);else{let i=C,t,A;for(C=r[0],t=0;t<r.length-1;t++)A=h(this,i[V+t],H,t),A===O&&(A=this._$AH[t]),e||=!y(A)||A!==this._$AH[t],A===o?C=o:C!==o&&(C+=(A??"")+r[t+1]),this._$AH[t]=A}e&&!L&&this.j(C)}j(C){C===o?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,C??"")}},j=class extends g{constructor(){super(...arguments),this.type=3}j(C){this.element[this.name]=C===o?void 0:C}},X=class extends g{constructor(){super(...arguments),this.type=4}j(C){this.element.toggleAttribute(this.name,!!C&&C!==o)}},Y=class extends g{constructor(C,H,V,L,r){super(C,H,V,L,r),this.type=5}_$AI(C,H=this){if((C=h(this,C,H,0)??o)===O)return;let V=this._$AH,L=C===o&&V!==o||C.capture!==V.capture||C.once!==V.once||C.passive!==V.passive,r=C!==o&&(V===o||L);L&&this.element.removeEventListener(this.name,this,V),r&&this.element.addEventListener(this.name,this,C),this._$AH=C}handleEvent(C){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,C):this._$AH.handleEvent(C)}},J=class{constructor(C,H,V){this.element=C,this.type=6,this._$AN=void 0,this._$AM=H,this.options=V}get _$AU(){return this._$AM._$AU}_$AI(C){h(this,C)}};var J1=C1.litHtmlPolyfillSupport;J1?.(w,T),(C1.litHtmlVersions??=[]).push("3.3.3");var k1=(M,C,H)=>{let V=H?.renderBefore??C,L=V._$litPart$;if(L===void 0){let r=H?.renderBefore??null;V._$litPart$=L=new T(C.insertBefore(P(),r),r,void 0,H??{})}return L._$AI(M),L};var L1=globalThis,Z=class extends v{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let C=super.createRenderRoot();return this.renderOptions.renderBefore??=C.firstChild,C}update(C){let H=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(C),this._$Do=k1(H,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return O}};Z._$litElement$=!0,Z.finalized=!0,L1.litElementHydrateSupport?.({LitElement:Z});var C2=L1.litElementPolyfillSupport;C2?.({LitElement:Z});(L1.litElementVersions??=[]).push("4.2.2");var H2=["en","de","fr","es","nl"],b1={"phase.idle":"Idle","phase.focus":"Focus","phase.short_break":"Short break","phase.long_break":"Long break","status.idle":"Idle","status.running":"Running","status.paused":"Paused","status.ready":"Ready","action.start":"Start","action.pause":"Pause","action.resume":"Resume","action.skip":"Skip","action.stop":"Stop","action.extend":"+{minutes} min","action.extend_label":{one:"Add {minutes} minute",other:"Add {minutes} minutes"},"label.time_left":"{time} left","label.next":"Next","label.block":"Block {block} of {of}","label.today":"Today","label.today_value":{one:"{blocks} block · {minutes} min",other:"{blocks} blocks · {minutes} min"},"label.task":"Task","label.mode":"Mode","label.modified":"changed","label.reapply":"Apply {mode} again","label.by_mode":"By mode","label.sound":"Sound","label.volume":"Volume","label.lighting":"Focus lighting","label.unavailable":"{name} is unavailable.","label.not_found":"{entity} is not an entity of a Tomatoes timer.","label.no_entity":"Choose a Tomatoes timer in the card's settings.","label.failed":"That did not work: {error}","editor.entity":"Timer","editor.entity_helper":"Any entity of the timer, for example its Phase sensor","editor.name":"Name (the timer's name when empty)","editor.show_cycle":"Block in the cycle","editor.show_today":"Today's blocks and minutes","editor.show_task":"Task","editor.show_mode":"Mode","editor.show_sound":"Sound and volume (when media players are chosen)","editor.show_lighting":"Focus lighting switch (when lights are chosen)","editor.extend_minutes":"Minutes added by Extend","picker.description":"A Pomodoro focus timer: countdown ring, controls, mode, sound and lights."},V2={"phase.idle":"Inaktiv","phase.focus":"Fokus","phase.short_break":"Kurze Pause","phase.long_break":"Lange Pause","status.idle":"Inaktiv","status.running":"Läuft","status.paused":"Pausiert","status.ready":"Bereit","action.start":"Start","action.pause":"Pause","action.resume":"Fortsetzen","action.skip":"Überspringen","action.stop":"Stopp","action.extend":"+{minutes} Min.","action.extend_label":{one:"{minutes} Minute hinzufügen",other:"{minutes} Minuten hinzufügen"},"label.time_left":"noch {time}","label.next":"Danach","label.block":"Block {block} von {of}","label.today":"Heute","label.today_value":{one:"{blocks} Block · {minutes} Min.",other:"{blocks} Blöcke · {minutes} Min."},"label.task":"Aufgabe","label.mode":"Modus","label.modified":"geändert","label.reapply":"{mode} erneut anwenden","label.by_mode":"Nach Modus","label.sound":"Klang","label.volume":"Lautstärke","label.lighting":"Fokus-Licht","label.unavailable":"{name} ist nicht verfügbar.","label.not_found":"{entity} ist keine Entität eines Tomatoes-Timers.","label.no_entity":"Wähle in den Einstellungen der Karte einen Tomatoes-Timer.","label.failed":"Das hat nicht geklappt: {error}","editor.entity":"Timer","editor.entity_helper":"Eine beliebige Entität des Timers, zum Beispiel sein Phasen-Sensor","editor.name":"Name (leer: der Name des Timers)","editor.show_cycle":"Block im Zyklus","editor.show_today":"Blöcke und Minuten von heute","editor.show_task":"Aufgabe","editor.show_mode":"Modus","editor.show_sound":"Klang und Lautstärke (wenn Mediaplayer gewählt sind)","editor.show_lighting":"Schalter für das Fokus-Licht (wenn Lampen gewählt sind)","editor.extend_minutes":"Minuten, die „Verlängern“ hinzufügt","picker.description":"Ein Pomodoro-Fokus-Timer: Countdown-Ring, Steuerung, Modus, Klang und Licht."},L2={"phase.idle":"Inactif","phase.focus":"Concentration","phase.short_break":"Pause courte","phase.long_break":"Pause longue","status.idle":"Inactif","status.running":"En cours","status.paused":"En pause","status.ready":"Prêt","action.start":"Démarrer","action.pause":"Pause","action.resume":"Reprendre","action.skip":"Passer","action.stop":"Arrêter","action.extend":"+{minutes} min","action.extend_label":{one:"Ajouter {minutes} minute",other:"Ajouter {minutes} minutes"},"label.time_left":"encore {time}","label.next":"Ensuite","label.block":"Bloc {block} sur {of}","label.today":"Aujourd'hui","label.today_value":{one:"{blocks} bloc · {minutes} min",other:"{blocks} blocs · {minutes} min"},"label.task":"Tâche","label.mode":"Mode","label.modified":"modifié","label.reapply":"Appliquer de nouveau {mode}","label.by_mode":"Par mode","label.sound":"Son","label.volume":"Volume","label.lighting":"Éclairage de concentration","label.unavailable":"{name} n'est pas disponible.","label.not_found":"{entity} n'est pas une entité d'un minuteur Tomatoes.","label.no_entity":"Choisissez un minuteur Tomatoes dans les réglages de la carte.","label.failed":"Cela n'a pas fonctionné : {error}","editor.entity":"Minuteur","editor.entity_helper":"N'importe quelle entité du minuteur, par exemple son capteur Phase","editor.name":"Nom (vide : le nom du minuteur)","editor.show_cycle":"Bloc dans le cycle","editor.show_today":"Blocs et minutes du jour","editor.show_task":"Tâche","editor.show_mode":"Mode","editor.show_sound":"Son et volume (si des lecteurs multimédias sont choisis)","editor.show_lighting":"Interrupteur de l'éclairage de concentration (si des lampes sont choisies)","editor.extend_minutes":"Minutes ajoutées par « Prolonger »","picker.description":"Un minuteur Pomodoro : anneau du compte à rebours, commandes, mode, son et lumières."},M2={"phase.idle":"Inactivo","phase.focus":"Concentración","phase.short_break":"Descanso corto","phase.long_break":"Descanso largo","status.idle":"Inactivo","status.running":"En marcha","status.paused":"En pausa","status.ready":"Listo","action.start":"Iniciar","action.pause":"Pausar","action.resume":"Reanudar","action.skip":"Saltar","action.stop":"Detener","action.extend":"+{minutes} min","action.extend_label":{one:"Añadir {minutes} minuto",other:"Añadir {minutes} minutos"},"label.time_left":"quedan {time}","label.next":"Después","label.block":"Bloque {block} de {of}","label.today":"Hoy","label.today_value":{one:"{blocks} bloque · {minutes} min",other:"{blocks} bloques · {minutes} min"},"label.task":"Tarea","label.mode":"Modo","label.modified":"cambiado","label.reapply":"Aplicar de nuevo {mode}","label.by_mode":"Por modo","label.sound":"Sonido","label.volume":"Volumen","label.lighting":"Iluminación de concentración","label.unavailable":"{name} no está disponible.","label.not_found":"{entity} no es una entidad de un temporizador de Tomatoes.","label.no_entity":"Elige un temporizador de Tomatoes en los ajustes de la tarjeta.","label.failed":"No ha funcionado: {error}","editor.entity":"Temporizador","editor.entity_helper":"Cualquier entidad del temporizador, por ejemplo su sensor Fase","editor.name":"Nombre (vacío: el nombre del temporizador)","editor.show_cycle":"Bloque del ciclo","editor.show_today":"Bloques y minutos de hoy","editor.show_task":"Tarea","editor.show_mode":"Modo","editor.show_sound":"Sonido y volumen (si hay reproductores elegidos)","editor.show_lighting":"Interruptor de la iluminación de concentración (si hay luces elegidas)","editor.extend_minutes":"Minutos que añade «Prolongar»","picker.description":"Un temporizador Pomodoro: anillo de cuenta atrás, controles, modo, sonido y luces."},r2={"phase.idle":"Inactief","phase.focus":"Focus","phase.short_break":"Korte pauze","phase.long_break":"Lange pauze","status.idle":"Inactief","status.running":"Loopt","status.paused":"Gepauzeerd","status.ready":"Gereed","action.start":"Starten","action.pause":"Pauzeren","action.resume":"Hervatten","action.skip":"Overslaan","action.stop":"Stoppen","action.extend":"+{minutes} min","action.extend_label":{one:"{minutes} minuut toevoegen",other:"{minutes} minuten toevoegen"},"label.time_left":"nog {time}","label.next":"Hierna","label.block":"Blok {block} van {of}","label.today":"Vandaag","label.today_value":{one:"{blocks} blok · {minutes} min",other:"{blocks} blokken · {minutes} min"},"label.task":"Taak","label.mode":"Modus","label.modified":"gewijzigd","label.reapply":"{mode} opnieuw toepassen","label.by_mode":"Per modus","label.sound":"Geluid","label.volume":"Volume","label.lighting":"Focusverlichting","label.unavailable":"{name} is niet beschikbaar.","label.not_found":"{entity} is geen entiteit van een Tomatoes-timer.","label.no_entity":"Kies een Tomatoes-timer in de instellingen van de kaart.","label.failed":"Dat lukte niet: {error}","editor.entity":"Timer","editor.entity_helper":"Een willekeurige entiteit van de timer, bijvoorbeeld de fasesensor","editor.name":"Naam (leeg: de naam van de timer)","editor.show_cycle":"Blok in de cyclus","editor.show_today":"Blokken en minuten van vandaag","editor.show_task":"Taak","editor.show_mode":"Modus","editor.show_sound":"Geluid en volume (als er mediaspelers gekozen zijn)","editor.show_lighting":"Schakelaar voor de focusverlichting (als er lampen gekozen zijn)","editor.extend_minutes":"Minuten die ‘Verlengen’ toevoegt","picker.description":"Een Pomodoro-focustimer: aftelring, bediening, modus, geluid en licht."},e2={en:b1,de:V2,fr:L2,es:M2,nl:r2};function f(M){let C=(M??"en").toLowerCase().split(/[-_]/)[0];return H2.includes(C)?C:"en"}function x(M,C,H={},V){let L=e2[M][C]??b1[C],r;return typeof L=="string"?r=L:r=new Intl.PluralRules(M).select(V??0)==="one"?L.one:L.other,r.replace(/\{(\w+)\}/g,(e,i)=>i in H?String(H[i]):e)}function W(M,C){return new Intl.NumberFormat(M,{maximumFractionDigits:1}).format(C)}var S="tomatoes-card",B1=["show_cycle","show_today","show_task","show_mode","show_sound","show_lighting"],P1=5,M1=240;function y1(M){if(!M||typeof M!="object")throw new Error("Invalid configuration");if(typeof M.entity!="string"||!/^\w+\.\w+$/.test(M.entity))throw new Error("entity: give any entity of a Tomatoes timer, e.g. sensor.study_phase");let C=M.extend_minutes??P1;if(typeof C!="number"||!(C>0&&C<=M1))throw new Error(`extend_minutes: a number of minutes from 1 to ${M1}`);let H={type:M.type??`custom:${S}`,entity:M.entity,extend_minutes:C,show_cycle:!0,show_today:!0,show_task:!0,show_mode:!0,show_sound:!0,show_lighting:!0},V={show_mode:M.show_preset,...M};for(let L of B1){let r=V[L];if(r!==void 0&&typeof r!="boolean"){let e=L==="show_mode"&&M.show_mode===void 0?"show_preset":L;throw new Error(`${e}: true or false`)}H[L]=r??!0}return M.name!==void 0&&M.name!==null&&String(M.name)!==""&&(H.name=String(M.name)),H}function t2(M){return Object.values(M.entities??{}).filter(C=>C?.platform==="tomatoes"&&C.translation_key==="phase").map(C=>C.entity_id).sort()}function w1(M){return{type:`custom:${S}`,entity:t2(M)[0]??""}}function T1(){let M=()=>f(globalThis.document?.documentElement?.lang);return{schema:[{name:"entity",required:!0,selector:{entity:{filter:{integration:"tomatoes",domain:"sensor",device_class:"enum"}}}},{name:"name",selector:{text:{}}},{name:"",type:"grid",schema:B1.map(C=>({name:C,default:!0,selector:{boolean:{}}}))},{name:"extend_minutes",default:P1,selector:{number:{min:1,max:M1,step:1,mode:"box",unit_of_measurement:"min"}}}],computeLabel:C=>C.name?x(M(),`editor.${C.name}`):void 0,computeHelper:C=>C.name==="entity"?x(M(),"editor.entity_helper"):void 0}}var _=class{constructor(C){this.now=C;this.remaining=null;this.running=!1;this.anchor=0}set(C,H){this.remaining=C,this.running=H&&C!==null,this.anchor=this.now()}get isRunning(){return this.running}secondsLeft(){if(this.remaining===null)return null;if(!this.running)return this.remaining;let C=(this.now()-this.anchor)/1e3;return Math.max(0,this.remaining-C)}msUntilNextSecond(){let C=this.secondsLeft();if(!this.running||C===null||C<=0)return null;let H=C-Math.floor(C);return(H===0?1:H)*1e3}};function i2(M){return Math.max(0,Math.ceil(M-.001))}function F1(M){let C=i2(M),H=Math.floor(C/3600),V=Math.floor(C%3600/60),L=C%60,r=String(L).padStart(2,"0");return H>0?`${H}:${String(V).padStart(2,"0")}:${r}`:`${String(V).padStart(2,"0")}:${r}`}function R1(M,C){return M===null||C===null||C<=0?0:Math.min(1,Math.max(0,M/C))}function D1(M,C,H,V){let L=Math.max(1,V),r=e=>Math.min(L,Math.max(1,e));switch(M){case"focus":return{block:r(H+1),of:L};case"short_break":return{block:r(H),of:L};case"long_break":return{block:L,of:L};default:return{block:r(C==="focus"?H+1:H),of:L}}}function E1(M,C,H){let V=Object.entries(C??{});if(V.length!==0)return V.map(([L,r])=>{let e=r.blocks??0,i=W(M,r.minutes??0);return`${H(L)}: ${x(M,"label.today_value",{blocks:e,minutes:i},e)}`}).join("; ")}var N1=G`
  :host {
    display: block;
    container-type: inline-size;
    --tomatoes-focus-color: var(--error-color, #db4437);
    --tomatoes-break-color: var(--success-color, #43a047);
    --tomatoes-idle-color: var(--disabled-text-color, #9e9e9e);
  }
  ha-card {
    padding: 16px;
    color: var(--primary-text-color);
  }
  .header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 12px;
  }
  .name {
    font-size: var(--ha-font-size-l, 1.25rem);
    font-weight: var(--ha-font-weight-medium, 500);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .phase {
    flex: none;
    padding: 2px 10px;
    border-radius: 12px;
    font-size: var(--ha-font-size-s, 0.875rem);
    font-weight: var(--ha-font-weight-medium, 500);
    color: var(--text-primary-color, #fff);
    background: var(--phase-color);
  }
  .main {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 16px;
  }
  @container (min-width: 420px) {
    .main {
      flex-direction: row;
      align-items: center;
    }
    .facts {
      align-self: center;
    }
  }
  .ring {
    position: relative;
    flex: none;
    width: 168px;
    height: 168px;
  }
  .ring svg {
    width: 100%;
    height: 100%;
    transform: rotate(-90deg);
  }
  .ring circle {
    fill: none;
    stroke-width: 7;
  }
  .ring .track {
    stroke: var(--divider-color, rgba(127, 127, 127, 0.3));
  }
  .ring .progress {
    stroke: var(--phase-color);
    stroke-linecap: round;
    transition: stroke-dashoffset 1s linear;
  }
  .ring .progress.still {
    transition: none;
  }
  .ring .center {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
  }
  .time {
    font-size: 2.5rem;
    font-weight: var(--ha-font-weight-medium, 500);
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }
  .status {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 0.875rem);
  }
  .facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 12px;
    margin: 0;
    min-width: 0;
    width: 100%;
  }
  .facts dt {
    color: var(--secondary-text-color);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 8px;
    margin-top: 16px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.38;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
  .control {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 40px;
    padding: 0 14px;
    border: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3));
    border-radius: 20px;
    background: transparent;
  }
  .control.primary {
    border-color: transparent;
    color: var(--text-primary-color, #fff);
    background: var(--phase-color, var(--primary-color));
  }
  .control svg {
    width: 20px;
    height: 20px;
    fill: currentColor;
  }
  @container (max-width: 340px) {
    .control .text {
      display: none;
    }
    .control {
      padding: 0 10px;
    }
  }
  .section {
    margin-top: 16px;
    padding-top: 12px;
    border-top: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3));
  }
  .section-title {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 0.875rem);
    margin-bottom: 8px;
  }
  .modified {
    font-style: italic;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .chip {
    min-height: 32px;
    padding: 0 12px;
    border: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3));
    border-radius: 16px;
    background: transparent;
  }
  .chip[aria-pressed="true"] {
    border-color: var(--primary-color);
    background: color-mix(in srgb, var(--primary-color) 18%, transparent);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }
  .row + .row {
    margin-top: 8px;
  }
  .row label {
    color: var(--secondary-text-color);
  }
  select {
    flex: 1;
    min-width: 0;
    min-height: 36px;
    padding: 0 8px;
    font: inherit;
    color: var(--primary-text-color);
    background: var(--card-background-color, var(--ha-card-background));
    border: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3));
    border-radius: 8px;
  }
  input[type="range"] {
    flex: 1;
    min-width: 120px;
    accent-color: var(--primary-color);
  }
  .volume-value {
    min-width: 3.5em;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .switch {
    display: flex;
    align-items: center;
    justify-content: space-between;
    width: 100%;
    min-height: 40px;
    padding: 0;
    border: none;
    background: transparent;
    text-align: start;
  }
  .switch .knob {
    position: relative;
    width: 36px;
    height: 20px;
    border-radius: 10px;
    background: var(--divider-color, rgba(127, 127, 127, 0.4));
    transition: background 0.2s;
  }
  .switch .knob::after {
    content: "";
    position: absolute;
    top: 2px;
    left: 2px;
    width: 16px;
    height: 16px;
    border-radius: 50%;
    background: var(--card-background-color, #fff);
    transition: transform 0.2s;
  }
  .switch[aria-checked="true"] .knob {
    background: var(--primary-color);
  }
  .switch[aria-checked="true"] .knob::after {
    transform: translateX(16px);
  }
  .message {
    color: var(--secondary-text-color);
  }
  .error {
    margin-top: 12px;
    color: var(--error-color, #db4437);
  }
`;var r1=45,W1=2*Math.PI*r1,A2=new Set(["unavailable","unknown"]),I=class extends Z{constructor(){super(...arguments);this.countdown=new _(()=>performance.now());this.generation=0;this.onVisible=()=>{document.visibilityState==="visible"&&this.resubscribe()}}static{this.styles=N1}static getConfigForm(){return T1()}static getStubConfig(H){return w1(H)}setConfig(H){this.config=y1(H),this.ensureSubscribed(),this.requestUpdate()}set hass(H){this.hassValue=H,this.ensureSubscribed(),this.requestUpdate()}get hass(){return this.hassValue}getCardSize(){return 5}getGridOptions(){return{columns:12,min_columns:6}}connectedCallback(){super.connectedCallback(),document.addEventListener("visibilitychange",this.onVisible),this.ensureSubscribed()}disconnectedCallback(){super.disconnectedCallback(),document.removeEventListener("visibilitychange",this.onVisible),this.stopSubscription()}ensureSubscribed(){let H=this.hassValue,V=this.config?.entity;if(!H||!V||!this.isConnected)return;let L=this.subscribedTo;L&&L.connection===H.connection&&L.entity===V||this.resubscribe()}resubscribe(){let H=this.hassValue,V=this.config?.entity;if(this.stopSubscription(),!H||!V||!this.isConnected)return;let L=this.generation;this.subscribedTo={connection:H.connection,entity:V},H.connection.subscribeMessage(r=>this.receive(L,r),{type:"tomatoes/subscribe",entity_id:V}).then(r=>{L===this.generation?this.unsubscribe=r:r().catch(()=>{})},r=>{L===this.generation&&(this.view=void 0,this.failure=r?.code==="not_found"?this.t("label.not_found",{entity:V}):r?.message??String(r),this.requestUpdate())})}stopSubscription(){this.generation+=1,this.subscribedTo=void 0,clearTimeout(this.tick),this.tick=void 0;let H=this.unsubscribe;this.unsubscribe=void 0,H&&H().catch(()=>{})}receive(H,V){H===this.generation&&(this.view=V,this.failure=void 0,this.countdown.set(V.remaining??null,V.status==="running"),this.scheduleTick(),this.requestUpdate())}scheduleTick(){clearTimeout(this.tick),this.tick=void 0;let H=this.countdown.msUntilNextSecond();H!==null&&(this.tick=setTimeout(()=>{this.requestUpdate(),this.scheduleTick()},H+15))}async run(H,V,L){let r=this.hassValue;if(r){try{await r.callService(H,V,L),this.failure=void 0}catch(e){let i=e?.message??String(e);this.failure=this.t("label.failed",{error:i})}this.requestUpdate()}}control(H){return this.run("tomatoes",H.service,{entity_id:this.config.entity,...H.data})}get language(){let H=this.hassValue;return f(H?.locale?.language??H?.language)}t(H,V={},L){return x(this.language,H,V,L)}render(){let H=this.config;if(!H)return d``;let V=this.view;if(!H.entity||!V&&!this.failure)return d`<ha-card
        ><div class="message">${H.entity?"…":this.t("label.no_entity")}</div></ha-card
      >`;if(!V)return d`<ha-card><div class="error" role="alert">${this.failure}</div></ha-card>`;let L=H.name??V.name;if(!V.available)return d`<ha-card
        ><div class="message">${this.t("label.unavailable",{name:L})}</div></ha-card
      >`;let r=V.phase??"idle";return d`
      <ha-card style="--phase-color: ${r==="focus"?"var(--tomatoes-focus-color)":r==="idle"?"var(--tomatoes-idle-color)":"var(--tomatoes-break-color)"}">
        <div class="header">
          <span class="name">${L}</span>
          <span class="phase">${this.t(`phase.${r}`)}</span>
        </div>
        <div class="main">${this.renderRing(V)} ${this.renderFacts(V,H)}</div>
        ${this.renderControls(V,H)} ${this.renderMode(V,H)}
        ${this.renderSound(V,H)} ${this.renderLighting(V,H)}
        ${this.failure?d`<div class="error" role="alert">${this.failure}</div>`:o}
      </ha-card>
    `}renderRing(H){let V=this.countdown.secondsLeft(),L=V??H.next_duration??0,r=V===null?0:R1(V,H.duration??null),e=F1(L),i=H.status??"idle";return d`
      <div class="ring">
        <svg viewBox="0 0 100 100" aria-hidden="true">
          ${g1`<circle class="track" cx="50" cy="50" r=${r1}></circle>
            <circle
              class="progress ${this.countdown.isRunning?"":"still"}"
              cx="50"
              cy="50"
              r=${r1}
              stroke-dasharray=${W1}
              stroke-dashoffset=${W1*(1-r)}
            ></circle>`}
        </svg>
        <div class="center">
          <div class="time" role="timer" aria-label=${this.t("label.time_left",{time:e})}>
            ${e}
          </div>
          <div class="status">${this.t(`status.${i}`)}</div>
        </div>
      </div>
    `}renderFacts(H,V){let L=H.phase??"idle",r=H.next_phase??"focus",e=D1(L,r,H.cycle_blocks??0,H.long_break_every??4),i=H.today_blocks??0,t=W(this.language,H.today_minutes??0),A=this.modeFigures(H);return d`
      <dl class="facts">
        ${V.show_cycle?d`<dt>${this.t(`phase.${L==="idle"?r:L}`)}</dt>
              <dd>${this.t("label.block",{...e})}</dd>`:o}
        ${L!=="idle"?d`<dt>${this.t("label.next")}</dt>
              <dd>${this.t(`phase.${r}`)}</dd>`:o}
        ${V.show_today?d`<dt>${this.t("label.today")}</dt>
              <dd>${this.t("label.today_value",{blocks:i,minutes:t},i)}</dd>`:o}
        ${V.show_today&&A?d`<dt>${this.t("label.by_mode")}</dt>
              <dd class="by-mode">${A}</dd>`:o}
        ${V.show_task&&H.task?d`<dt>${this.t("label.task")}</dt>
              <dd>${H.task}</dd>`:o}
      </dl>
    `}renderControls(H,V){let L=H.status??"idle",r=L==="running"||L==="paused",e=V.extend_minutes,i=L==="running"?{key:"pause",label:"",text:"",icon:e1,service:"pause",enabled:!0}:L==="paused"?{key:"resume",label:"",text:"",icon:$,service:"resume",enabled:!0}:{key:"start",label:"",text:"",icon:$,service:"start",enabled:!0};i.primary=!0,i.text=i.label=this.t(`action.${i.key}`);let t=[i,{key:"skip",label:this.t("action.skip"),text:this.t("action.skip"),icon:t1,service:"skip",enabled:L!=="idle"},{key:"extend",label:this.t("action.extend_label",{minutes:e},e),text:this.t("action.extend",{minutes:e}),icon:A1,service:"extend",data:{minutes:e},enabled:r},{key:"stop",label:this.t("action.stop"),text:this.t("action.stop"),icon:i1,service:"stop",enabled:L!=="idle"||H.phase!=="idle"}];return d`<div class="controls">
      ${t.map(A=>d`<button
            class="control ${A.primary?"primary":""}"
            aria-label=${A.label}
            title=${A.label}
            ?disabled=${!A.enabled}
            @click=${()=>this.control(A)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${A.icon}></path></svg>
            <span class="text">${A.text}</span>
          </button>`)}
    </div>`}entityState(H){let V=H?this.hassValue?.states[H]:void 0;return V&&!A2.has(V.state)?V:void 0}renderMode(H,V){let L=this.entityState(H.entities?.mode);if(!V.show_mode||!L)return o;let r=L.attributes.options??[],e=t=>this.hassValue?.formatEntityState?.(L,t)??t,i=L.attributes.modified===!0;return d`<div class="section" role="group" aria-label=${this.t("label.mode")}>
      <div class="section-title">
        ${this.t("label.mode")}
        ${i?d`<span class="modified">· ${this.t("label.modified")}</span>`:o}
      </div>
      <div class="chips">
        ${r.map(t=>{let A=t===L.state,p=A&&i;return d`<button
            class="chip"
            aria-pressed=${A?"true":"false"}
            title=${p?this.t("label.reapply",{mode:e(t)}):e(t)}
            @click=${()=>(!A||p)&&this.run("select","select_option",{entity_id:L.entity_id,option:t})}
          >
            ${e(t)}${p?" ↺":""}
          </button>`})}
      </div>
    </div>`}modeFigures(H){let V=this.entityState(H.entities?.mode_focus),L=this.entityState(H.entities?.mode),r=V?.attributes.modes;return E1(this.language,r,e=>L?this.hassValue?.formatEntityState?.(L,e)??e:e)}renderSound(H,V){let L=this.entityState(H.entities?.sound),r=this.entityState(H.entities?.volume);if(!V.show_sound||!H.sound||!L&&!r)return o;let e=L?.attributes.options??[],i=Number(r?.state??0);return d`<div class="section">
      <div class="section-title">${this.t("label.sound")}</div>
      ${L?d`<div class="row">
            <select
              aria-label=${this.t("label.sound")}
              @change=${t=>this.run("select","select_option",{entity_id:L.entity_id,option:t.target.value})}
            >
              ${e.map(t=>d`<option .value=${t} ?selected=${t===L.state}>
                    ${t}
                  </option>`)}
            </select>
          </div>`:o}
      ${r?d`<div class="row">
            <label for="volume">${this.t("label.volume")}</label>
            <input
              id="volume"
              type="range"
              min=${Number(r.attributes.min??0)}
              max=${Number(r.attributes.max??100)}
              step=${Number(r.attributes.step??1)}
              .value=${String(i)}
              @change=${t=>this.run("number","set_value",{entity_id:r.entity_id,value:Number(t.target.value)})}
            />
            <span class="volume-value"
              >${Math.round(i)} ${String(r.attributes.unit_of_measurement??"%")}</span
            >
          </div>`:o}
    </div>`}renderLighting(H,V){let L=this.entityState(H.entities?.lighting);if(!V.show_lighting||!L)return o;let r=L.state==="on";return d`<div class="section">
      <button
        class="switch"
        role="switch"
        aria-checked=${r?"true":"false"}
        @click=${()=>this.run("switch",r?"turn_off":"turn_on",{entity_id:L.entity_id})}
      >
        <span>${this.t("label.lighting")}</span><span class="knob" aria-hidden="true"></span>
      </button>
    </div>`}};function _1(){let M=window.customElements;M.get(S)||M.define(S,I)}var o2=!customElements.get(S);_1();window.customElements.whenDefined("home-assistant").then(_1);if(o2){let M=window.customCards??=[];M.some(C=>C.type===S)||M.push({type:S,name:"Tomatoes",description:x(f(document.documentElement.lang||navigator.language),"picker.description"),preview:!0,documentationURL:"https://github.com/tomatoes-ha/tomatoes#dashboard-card"}),console.info("%c TOMATOES-CARD %c 0.1.0 ","color:#fff;background:#db4437","")}
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
